// PdfDocument: cairo (PDF surface, vector drawing) and pango (text shaping, wrapping, any
// script and direction, fonts through fontconfig).
#include "report/pdf_page.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <stdexcept>

#include "core/number.hpp"
#include "core/utf8.hpp"

namespace casebook::report::detail {
namespace {

constexpr double kPageWidth = 595.276;   // A4, points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 50.0;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - 16.0;  // the footer sits below
constexpr double kBody = 9.0;                             // type sizes, points
constexpr double kSmall = 7.5;
constexpr double kCellPad = 3.0;
constexpr const char* kFont = "DejaVu Sans";

}  // namespace

PdfDocument::PdfDocument(const std::string& path, const std::string& title, const std::string& created_iso) {
  m_surface = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
  if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS) {
    const std::string why = cairo_status_to_string(cairo_surface_status(m_surface));
    cairo_surface_destroy(m_surface);
    throw std::runtime_error("cannot create " + path + ": " + why);
  }
  cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE, core::valid_utf8(title).c_str());
  cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "Casebook");
  // The report's own time, so two exports of the same data are the same document.
  cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATE_DATE, created_iso.c_str());
  m_cr = cairo_create(m_surface);
  m_layout = pango_cairo_create_layout(m_cr);
  m_y = kMargin;
}

PdfDocument::~PdfDocument() {
  if (m_layout != nullptr) g_object_unref(m_layout);
  if (m_cr != nullptr) cairo_destroy(m_cr);
  if (m_surface != nullptr) cairo_surface_destroy(m_surface);
}

double PdfDocument::layout(const std::string& text, double width, double size, bool bold, bool right) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFont);
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(m_layout, font);
  pango_font_description_free(font);
  pango_layout_set_width(m_layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(m_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(m_layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_auto_dir(m_layout, TRUE);  // right-to-left paragraphs read in their direction
  const std::string valid = core::valid_utf8(text);
  pango_layout_set_text(m_layout, valid.c_str(), static_cast<int>(valid.size()));
  int w = 0, h = 0;
  pango_layout_get_size(m_layout, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void PdfDocument::draw_layout(double x, double y, double r, double g, double b) {
  cairo_set_source_rgb(m_cr, r, g, b);
  cairo_move_to(m_cr, x, y);
  pango_cairo_show_layout(m_cr, m_layout);
}

void PdfDocument::footer() {
  // Its own layout: a page break can come between laying out a text and drawing it (need()
  // after layout()), and that text must survive the footer.
  PangoLayout* kept = m_layout;
  m_layout = pango_cairo_create_layout(m_cr);
  layout("Casebook progress report \u00B7 page " + std::to_string(m_page), kTextWidth, kSmall, false, true);
  draw_layout(kMargin, kPageHeight - kMargin, 0.4, 0.4, 0.4);
  g_object_unref(m_layout);
  m_layout = kept;
}

void PdfDocument::new_page() {
  footer();
  cairo_show_page(m_cr);
  ++m_page;
  m_y = kMargin;
}

void PdfDocument::need(double height) {
  if (m_y + height > kBottom && m_y > kMargin) new_page();
}

void PdfDocument::title(const std::string& text) {
  const double h = layout(text, kTextWidth, 18.0, true);
  need(h);
  draw_layout(kMargin, m_y, 0.1, 0.1, 0.1);
  m_y += h + 6.0;
}

void PdfDocument::heading(const std::string& text, double keep) {
  const double h = layout(text, kTextWidth, 12.5, true);
  need(h + keep);  // keep a heading with the start of what follows it
  m_y += 8.0;
  draw_layout(kMargin, m_y, 0.1, 0.1, 0.1);
  m_y += h + 2.0;
  cairo_set_source_rgb(m_cr, 0.7, 0.7, 0.7);
  cairo_set_line_width(m_cr, 0.6);
  cairo_move_to(m_cr, kMargin, m_y);
  cairo_line_to(m_cr, kMargin + kTextWidth, m_y);
  cairo_stroke(m_cr);
  m_y += 5.0;
}

void PdfDocument::paragraph(const std::string& text, bool small) {
  const double h = layout(text, kTextWidth, small ? kSmall : kBody, false);
  need(h);
  const double grey = small ? 0.35 : 0.1;
  draw_layout(kMargin, m_y, grey, grey, grey);
  m_y += h + 4.0;
}

void PdfDocument::table(const std::vector<PdfColumn>& columns, const std::vector<std::vector<std::string>>& rows,
                        const std::vector<bool>& bold_rows) {
  const auto draw_row = [&](const std::vector<std::string>& cells, bool head, bool bold) {
    double height = 0.0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const double w = columns[c].width * kTextWidth - 2 * kCellPad;
      height = std::max(height, layout(c < cells.size() ? cells[c] : "", w, head ? kSmall : kBody - 0.5, head || (bold && c == 0)));
    }
    height += 2 * kCellPad;
    return height;
  };
  const auto paint_row = [&](const std::vector<std::string>& cells, bool head, bool bold, double height) {
    if (head || bold) {
      cairo_set_source_rgb(m_cr, head ? 0.92 : 0.95, head ? 0.92 : 0.96, head ? 0.92 : 0.98);
      cairo_rectangle(m_cr, kMargin, m_y, kTextWidth, height);
      cairo_fill(m_cr);
    }
    double x = kMargin;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const double w = columns[c].width * kTextWidth - 2 * kCellPad;
      layout(c < cells.size() ? cells[c] : "", w, head ? kSmall : kBody - 0.5, head || (bold && c == 0), columns[c].numeric);
      draw_layout(x + kCellPad, m_y + kCellPad, 0.1, 0.1, 0.1);
      x += columns[c].width * kTextWidth;
    }
    cairo_set_source_rgb(m_cr, 0.82, 0.82, 0.82);
    cairo_set_line_width(m_cr, 0.4);
    cairo_move_to(m_cr, kMargin, m_y + height);
    cairo_line_to(m_cr, kMargin + kTextWidth, m_y + height);
    cairo_stroke(m_cr);
    m_y += height;
  };
  std::vector<std::string> head;
  for (const PdfColumn& c : columns) head.push_back(c.heading);
  const double head_height = draw_row(head, true, false);
  need(head_height + 20.0);
  paint_row(head, true, false, head_height);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const bool bold = r < bold_rows.size() && bold_rows[r];
    const double height = draw_row(rows[r], false, bold);
    if (m_y + height > kBottom) {
      new_page();
      paint_row(head, true, false, head_height);  // the heading repeats on each page
    }
    paint_row(rows[r], false, bold, height);
  }
  m_y += 8.0;
}

void PdfDocument::bar_chart(const Series& series, std::size_t label_every) {
  constexpr double kHeight = 120.0, kLeft = 30.0, kLabels = 14.0;
  const double caption = layout(series.caption, kTextWidth, kSmall, true);
  need(caption + kHeight + kLabels + 8.0);
  draw_layout(kMargin, m_y, 0.2, 0.2, 0.2);
  m_y += caption + 4.0;
  const double max = series.values.empty() ? 0.0 : *std::max_element(series.values.begin(), series.values.end());
  const double plot_w = kTextWidth - kLeft;
  const double step = series.values.empty() ? 0.0 : plot_w / static_cast<double>(series.values.size());
  const double base = m_y + kHeight;
  // Axis and its maximum.
  cairo_set_source_rgb(m_cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(m_cr, 0.5);
  cairo_move_to(m_cr, kMargin + kLeft, base);
  cairo_line_to(m_cr, kMargin + kTextWidth, base);
  cairo_move_to(m_cr, kMargin + kLeft, m_y);
  cairo_line_to(m_cr, kMargin + kLeft, base);
  cairo_stroke(m_cr);
  const bool whole = max == static_cast<double>(static_cast<long long>(max));
  layout(core::format_fixed(max, whole || max >= 10 ? 0 : 1), kLeft - 4.0, kSmall, false, true);
  draw_layout(kMargin, m_y - 3.0, 0.3, 0.3, 0.3);
  layout("0", kLeft - 4.0, kSmall, false, true);
  draw_layout(kMargin, base - 8.0, 0.3, 0.3, 0.3);
  cairo_set_source_rgb(m_cr, 0.184, 0.435, 0.702);  // #2f6fb3, as the HTML charts
  for (std::size_t i = 0; i < series.values.size(); ++i) {
    const double h = max > 0 ? series.values[i] / max * kHeight : 0.0;
    cairo_rectangle(m_cr, kMargin + kLeft + static_cast<double>(i) * step + 1.0, base - h, std::max(step - 2.0, 0.5), h);
  }
  cairo_fill(m_cr);
  for (std::size_t i = 0; i < series.labels.size(); ++i) {
    if (label_every == 0 || i % label_every != 0) continue;
    layout(series.labels[i], 40.0, kSmall, false);
    draw_layout(kMargin + kLeft + static_cast<double>(i) * step, base + 2.0, 0.3, 0.3, 0.3);
  }
  m_y = base + kLabels + 8.0;
}

void PdfDocument::finish() {
  if (m_finished) return;
  m_finished = true;
  footer();
  cairo_show_page(m_cr);
  cairo_surface_finish(m_surface);
  const cairo_status_t status = cairo_surface_status(m_surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(status));
}

}  // namespace casebook::report::detail
