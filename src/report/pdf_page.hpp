// A flowing A4 document on a cairo PDF surface with pango text (internal to report): headings,
// wrapped paragraphs, tables that break across pages, and vector bar charts.
#pragma once
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <vector>

#include "report/charts.hpp"

namespace casebook::report::detail {

/// One column of a table: its heading, its share of the text width, right-aligned or not.
struct PdfColumn {
  std::string heading;
  double width = 0.1;  ///< fraction of the text width
  bool numeric = false;
};

class PdfDocument {
 public:
  /// Creates the PDF file `path` (A4 portrait). Throws std::runtime_error when cairo cannot.
  PdfDocument(const std::string& path, const std::string& title, const std::string& created_iso);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  void title(const std::string& text);
  /// `keep`: the height (points) of what follows that must fit under it on the same page.
  void heading(const std::string& text, double keep = 60.0);
  /// A wrapped paragraph; `small` sets it in the smaller grey type of notes.
  void paragraph(const std::string& text, bool small = false);
  /// A table; each row has one cell per column (plain text, wrapped within its column).
  /// Rows never split; the heading row repeats on every page the table spans. A row marked in
  /// `bold_rows` is shaded, its first cell set in bold.
  void table(const std::vector<PdfColumn>& columns, const std::vector<std::vector<std::string>>& rows,
             const std::vector<bool>& bold_rows = {});
  /// A vector bar chart of `series` with the largest value on its axis and a label under every
  /// `label_every`-th bar.
  void bar_chart(const Series& series, std::size_t label_every);
  /// Finishes the last page and the file. Throws std::runtime_error when the file could not be
  /// written (cairo's status).
  void finish();

 private:
  /// Starts a new page when fewer than `height` points are left on this one.
  void need(double height);
  void new_page();
  void footer();
  /// Lays `text` out at `width` points (pango units inside), returning its height in points.
  double layout(const std::string& text, double width, double size, bool bold, bool right = false);
  void draw_layout(double x, double y, double r, double g, double b);

  cairo_surface_t* m_surface = nullptr;
  cairo_t* m_cr = nullptr;
  PangoLayout* m_layout = nullptr;
  double m_y = 0.0;
  int m_page = 1;
  bool m_finished = false;
};

}  // namespace casebook::report::detail
