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
    auto r = casebook::report::compute_class_report(casebook::test::class_fixture(),
                                                    casebook::test::class_fixture_choices());
    // A problem report whose comment looks like a formula and an OOXML escape: text, as typed.
    r.problem_reports.push_back({"dee", "b/q2", "The FSB & FBI cooperated in 2016.", 1717243200000,
                                 "=1+1 _x0041_ <both> years?"});
    casebook::report::write_class_xlsx(r, argv[1]);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
