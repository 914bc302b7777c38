// Writes the class-report fixture as XLSX to argv[1], for class_readback.py.
#include <exception>
#include <iostream>

#include "class_fixture.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: class_report_writer OUT.xlsx\n";
    return 2;
  }
  try {
    const auto r = casebook::report::compute_class_report(casebook::test::class_fixture(),
                                                          casebook::test::class_fixture_choices());
    casebook::report::write_class_xlsx(r, argv[1]);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
