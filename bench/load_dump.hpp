// A full text dump of a loaded bank for bench/load_bench.cpp's `--dump`: every field of every
// question (hand-written and generated, in order), every fact, the repeated questions and every
// diagnostic, one value per line, so two builds of the loader can be compared with `diff`
// (bench/compare_load.sh's dump check: generation must stay byte-identical).
#pragma once
#include <cstdio>
#include <string>
#include <vector>

#include "bank/loader.hpp"

namespace casebook::bench {

/// Writes the dump of `r` to `out`: "key: value" lines, numbers with 17 significant digits.
inline void dump_load_result(const bank::LoadResult& r, std::FILE* out) {
  const auto line = [&](const char* key, const std::string& value) {
    std::fprintf(out, "%s: %s\n", key, value.c_str());
  };
  const auto num = [&](const char* key, double v) { std::fprintf(out, "%s: %.17g\n", key, v); };
  const auto list = [&](const char* key, const std::vector<std::string>& v) {
    for (const auto& s : v) line(key, s);
  };
  // The file each position names (a fact's and a generated question's: the bank's own).
  const std::string& bank_path = r.bank ? r.bank->path : r.path;
  const auto pos = [&](const core::SourcePos& p) {
    std::fprintf(out, "pos: %s:%d:%d\n", core::file_of(p, bank_path).c_str(), p.line, p.column);
  };
  const auto loc = [&](const core::SourceLocator& l) {
    std::string s = l.source_id;
    for (int p : l.paragraphs) s += " " + std::to_string(p);
    line("source", s);
  };
  for (const auto& d : r.diagnostics) line("diagnostic", core::format_diagnostic(d));
  if (!r.bank) return;
  const core::Bank& b = *r.bank;
  for (const auto& q : b.questions) {
    line("question", q.id);
    line("type", core::to_string(q.type));
    line("generator", q.generator);
    line("prompt", q.prompt);
    line("explanation", q.explanation);
    loc(q.source);
    list("topic", q.topics);
    pos(q.pos);
    for (const auto& c : q.choices) line(c.correct ? "choice+" : "choice-", c.text);
    num("truth", q.truth ? 1 : 0);
    list("accepted", q.accepted);
    num("value", q.value);
    num("tolerance", q.tolerance);
    if (q.min) num("min", *q.min);
    if (q.max) num("max", *q.max);
    line("unit", q.unit);
    list("item", q.items);
    for (const auto& p : q.pairs) line("pair", p.left + " => " + p.right);
    line("scenario", q.scenario);
    for (const auto& p : q.positions) {
      line("position", p.id + " " + p.title);
      list("argument", p.arguments);
    }
    list("rubric", q.rubric);
    line("model_answer", q.model_answer);
    if (q.case_unit) {
      const auto& c = *q.case_unit;
      line("case", c.protagonist + " | " + c.role + " | " + c.situation + " | " + c.deadline + " | " + c.decision +
                       " | " + c.epilogue);
      loc(c.epilogue_source);
      for (const auto& k : c.constraints) line("constraint", k.kind + " | " + k.text);
      for (const auto& e : c.exhibits) {
        line("exhibit", e.title + " | " + e.text);
        loc(e.source);
      }
      for (const auto& a : c.model_answers) line("answer", a.position + " | " + a.conclusion + " | " + a.justification);
      for (const auto& k : c.criteria) {
        line("criterion", k.title);
        list("level", k.levels);
      }
      list("debrief", c.debrief);
    }
    list("fact", q.fact_ids);
  }
  for (const auto& x : b.repeated) {
    line("repeated", x.generated_id + " " + x.handwritten_id);
    pos(x.pos);
  }
  const auto base = [&](const char* kind, const core::FactBase& f) {
    line(kind, f.id);
    loc(f.source);
    list("topic", f.topics);
    pos(f.pos);
  };
  for (const auto& e : b.facts.events) {
    base("event", e);
    line("date", core::to_iso(e.date));
    line("title", e.title);
    line("summary", e.summary);
    list("actor", e.actors);
    for (const auto& role : e.roles) line("role", role.actor + " " + role.role);
    line("place", e.place);
  }
  for (const auto& a : b.facts.actors) {
    base("actor", a);
    line("name", a.name);
    line("kind", core::to_string(a.kind));
    line("description", a.description);
    list("alias", a.aliases);
  }
  for (const auto& t : b.facts.terms) {
    base("term", t);
    line("term", t.term);
    line("definition", t.definition);
  }
  for (const auto& f : b.facts.figures) {
    base("figure", f);
    num("value", f.value);
    line("unit", f.unit);
    line("measures", f.measures);
    num("tolerance", f.tolerance);
    line("event", f.event);
  }
}

}  // namespace casebook::bench
