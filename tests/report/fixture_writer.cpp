// report_fixture_writer DIR: writes rich_input() in every format to DIR (report.csv,
// report.json, report.html, report.xlsx, report.xapi.json) for the Python read-back, the
// Node xAPI validator and the headless-browser check.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "fixture.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: report_fixture_writer DIR\n";
    return 2;
  }
  namespace report = casebook::report;
  const std::filesystem::path dir(argv[1]);
  std::filesystem::create_directories(dir);
  const report::ReportInput in = report::testing::rich_input();
  std::ofstream csv(dir / "report.csv", std::ios::binary);
  report::write_csv(in, csv);
  std::ofstream json(dir / "report.json", std::ios::binary);
  report::write_json(in, json);
  std::ofstream html(dir / "report.html", std::ios::binary);
  report::write_html(in, html);
  std::ofstream xapi(dir / "report.xapi.json", std::ios::binary);
  report::write_xapi(in, xapi);
  report::write_xlsx(in, (dir / "report.xlsx").string());
  std::cout << "wrote 5 reports to " << dir << "\n";
  return 0;
}
