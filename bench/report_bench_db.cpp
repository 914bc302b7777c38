// report_bench_db DB LEARNER: creates an empty progress database at DB with Casebook's own
// schema (storage::Progress runs the migrations) and the learner, for bench/report_bench.sh,
// which then fills the review log with sqlite3.
#include <iostream>

#include "storage/progress.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: report_bench_db DB LEARNER\n";
    return 2;
  }
  try {
    casebook::storage::Progress progress(argv[1]);
    std::cout << progress.ensure_learner(argv[2]) << "\n";  // the learner's id
  } catch (const std::exception& e) {
    std::cerr << "report_bench_db: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
