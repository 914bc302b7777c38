#include "app/plan_flow.hpp"

#include <algorithm>
#include <exception>
#include <utility>

namespace casebook::app {

void PlanFlow::set_alternative(int index) {
  const int n = static_cast<int>(plan_alternatives(m_ctx.options.learner()).size());
  m_alternative = std::clamp(index, 0, n - 1);
  start();
}

void PlanFlow::start() {
  m_error.clear();
  PlanSetup setup;
  try {
    setup = plan_setup(PlanInputs{m_ctx.data(), m_ctx.now(), m_ctx.config.learner, m_ctx.config.new_card_order, 1},
                       m_alternative);
  } catch (const std::exception& e) {
    m_error = e.what();
    return;
  }
  m_job.start(
      [setup = std::move(setup)](const std::function<void(double)>& progress, const std::atomic<bool>& cancel) {
        Results r{setup, {}, {}};
        r.a = core::simulate(setup.a, [&](double f) { progress(0.5 * f); }, &cancel);
        r.b = core::simulate(setup.b, [&](double f) { progress(0.5 + 0.5 * f); }, &cancel);
        return r;
      },
      m_ctx.wake);
}

void PlanFlow::wait() {
  wait_finished(m_job);
  poll();
}

PlanView PlanFlow::view() const {
  PlanView v;
  v.alternatives = plan_alternatives(m_ctx.options.learner());
  v.alternative = m_alternative;
  v.job = job_view(m_job);
  v.error = m_error;
  if (m_results && !v.job.running) fill_plan_view(m_results->setup, m_results->a, m_results->b, v);
  return v;
}

}  // namespace casebook::app
