// report_fixture_writer DIR: writes rich_input() in every format to DIR (report.csv,
// report.json, report.html, report.xlsx, report.pdf, report.xapi.json) and typed_input() as
// typed.xapi.json, for the Python read-back, the Node xAPI validator, the PDF readers
// (pdftotext, pdfinfo, pdftoppm) and the headless-browser check.
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
  std::ofstream typed(dir / "typed.xapi.json", std::ios::binary);
  report::write_xapi(report::testing::typed_input(), typed);
  for (const std::string& w : report::write_xlsx(in, (dir / "report.xlsx").string())) std::cerr << w << "\n";
  report::write_pdf(in, (dir / "report.pdf").string());
  const report::ReportInput edge = report::testing::edge_input();
  const auto warnings = report::write_xlsx(edge, (dir / "edge.xlsx").string());
  if (warnings.size() != 1) {
    std::cerr << "edge.xlsx: expected one warning about the cut cell, got " << warnings.size() << "\n";
    return 1;
  }
  std::cout << warnings.front() << "\n";
  std::ofstream edge_json(dir / "edge.json", std::ios::binary);
  report::write_json(edge, edge_json);
  std::cout << "wrote 7 reports to " << dir << "\n";
  return 0;
}
