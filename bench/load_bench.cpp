// Load time of a bank against a raw toml++ parse of the same text: the median of N runs of
// each, and their ratio. Usage: casebook_load_bench FILE [RUNS]. Prints one line:
// "FILE: parse 0.123 s, load 0.150 s (of which generate 0.010 s), ratio 1.22 (N questions, M
// generated; median of R); paired ratio 1.21; CPU time: parse ..., load ..., generate ...,
// ratio ..." (the paired ratio: the median of each load over the parse run just before it;
// then the same medians of this process's CPU time). `casebook_load_bench --dump FILE...` instead prints everything
// each file loads to (load_dump.hpp), for comparing two builds of the loader with diff.
#include <toml++/toml.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bank/loader.hpp"
#include "core/generate.hpp"
#include "load_dump.hpp"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

/// Wall-clock seconds of fn(); adds the CPU seconds it took (this process, one thread) to
/// `cpu`: on a machine busy with other work the CPU time varies less than the wall time.
template <typename Fn>
double seconds(std::vector<double>& cpu, Fn&& fn) {
  const double c0 = cpu_now();
  const auto t0 = std::chrono::steady_clock::now();
  fn();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  cpu.push_back(cpu_now() - c0);
  return wall;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: casebook_load_bench FILE [RUNS] | --dump FILE...\n";
    return 2;
  }
  if (std::string_view(argv[1]) == "--dump") {
    for (int i = 2; i < argc; ++i) {
      std::printf("file: %s\n", argv[i]);
      casebook::bench::dump_load_result(casebook::bank::load_bank_file(argv[i]), stdout);
    }
    return 0;
  }
  const std::string path = argv[1];
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  std::vector<double> parse, load, generate, parse_cpu, load_cpu, generate_cpu;
  std::size_t questions = 0, generated = 0, errors = 0;
  for (int i = 0; i < runs; ++i) {
    // Alternate the two so that machine load hits both alike.
    parse.push_back(seconds(parse_cpu, [&] {
      const auto table = toml::parse(text, path);
      if (table.empty()) std::abort();
    }));
    load.push_back(seconds(load_cpu, [&] {
      const auto r = casebook::bank::load_bank_text(text, path);
      errors = 0;
      for (const auto& d : r.diagnostics) errors += d.severity == casebook::core::Severity::Error ? 1 : 0;
      questions = r.bank ? r.bank->questions.size() : 0;
      generated = 0;
      if (r.bank) {
        for (const auto& q : r.bank->questions) generated += q.generator.empty() ? 0 : 1;
      }
    }));
  }
  // The generators alone, on the loaded bank without its generated questions.
  auto loaded = casebook::bank::load_bank_text(text, path);
  if (loaded.bank) {
    auto& qs = loaded.bank->questions;
    qs.erase(std::remove_if(qs.begin(), qs.end(), [](const auto& q) { return !q.generator.empty(); }), qs.end());
    for (int i = 0; i < runs; ++i) {
      generate.push_back(seconds(generate_cpu, [&] {
        if (casebook::core::generate_questions(*loaded.bank).questions.size() != generated) std::abort();
      }));
    }
  }
  if (errors != 0) {
    std::cerr << path << ": the bank has " << errors << " errors\n";
    return 1;
  }
  // Each load beside the parse run just before it: on a shared machine whose speed drifts
  // between runs, the median of these ratios varies less than the ratio of the medians.
  std::vector<double> paired;
  for (std::size_t i = 0; i < load.size(); ++i) paired.push_back(load[i] / parse[i]);
  const double p = median(parse), l = median(load);
  const double g = generate.empty() ? 0.0 : median(generate);
  const double pc = median(parse_cpu), lc = median(load_cpu);
  const double gc = generate_cpu.empty() ? 0.0 : median(generate_cpu);
  std::printf("%s: parse %.3f s, load %.3f s (of which generate %.3f s), ratio %.2f (%zu questions, %zu generated; median of %d);"
              " paired ratio %.2f; CPU time: parse %.3f s, load %.3f s, generate %.3f s, ratio %.2f\n",
              path.c_str(), p, l, g, l / p, questions, generated, runs, median(paired), pc, lc, gc, lc / pc);
  return 0;
}
