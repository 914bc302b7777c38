// The reference side of bench/compare_optimizer.sh: fits FSRS-6 parameters to a review log
// with @open-spaced-repetition/binding 0.5.0 (fsrs-rs 6.5.0) and prints one JSON line with the
// items, the fit time and the in-sample log loss / RMSE(bins) of the fitted and the default
// parameters. Usage: node binding_optimize.mjs NODE_DIR LOG.csv [NEXT_DAY_STARTS_AT] [TZ] [OTHER_W]
// OTHER_W (21 comma-separated numbers, e.g. Casebook's fit) is scored by the same evaluator.
// Study days are UTC days starting at NEXT_DAY_STARTS_AT (default 4) unless TZ is given;
// other zones than UTC need an offset provider, which this script only has for UTC.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [nodeDir, logPath, startsAtArg, tz = 'UTC', otherArg = ''] = process.argv.slice(2);
if (tz !== 'UTC') throw new Error('binding_optimize.mjs: only TZ=UTC is supported');
const require = createRequire(join(resolve(nodeDir), 'package.json'));
const binding = require('@open-spaced-repetition/binding');

const nextDayStartsAt = Number(startsAtArg ?? 4);
const t0 = process.hrtime.bigint();
const items = binding.convertCsvToFsrsItems(readFileSync(logPath), nextDayStartsAt, tz, () => 0);
const t1 = process.hrtime.bigint();
const cpu1 = process.cpuUsage();
// timeout = the progress-poll interval; the default 500 ms hides the real fit time
// (../shared/reference/fsrs/NOTES.md section 6).
const w = await binding.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1, timeout: 20 });
const t2 = process.hrtime.bigint();
const cpu2 = process.cpuUsage(cpu1);
const fitted = new binding.FSRSBinding(w).evaluate(items);
const defaults = new binding.FSRSBinding().evaluate(items);
const other = otherArg ? new binding.FSRSBinding(otherArg.split(',').map(Number)).evaluate(items) : null;
const ms = (a, b) => Number(b - a) / 1e6;
console.log(JSON.stringify({
  items: items.length,
  convert_ms: ms(t0, t1),
  fit_ms: ms(t1, t2),
  fit_cpu_ms: (cpu2.user + cpu2.system) / 1000,  // all threads of the process
  log_loss: fitted.logLoss,
  rmse_bins: fitted.rmseBins,
  default_log_loss: defaults.logLoss,
  default_rmse_bins: defaults.rmseBins,
  other_log_loss: other?.logLoss ?? null,
  other_rmse_bins: other?.rmseBins ?? null,
  weights: w,
}));
