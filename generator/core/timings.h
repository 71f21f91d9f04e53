// Stage timers: `hongfan build --timings` prints where the time went.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace hongfan {

/// One stage's wall time, and the CPU time every thread of the process spent
/// in it: a stage whose CPU time is close to its wall time ran on one core.
struct StageTime {
  std::string stage;
  double ms = 0;
  double cpu_ms = 0;
};

class Timings {
 public:
  void add(std::string stage, double ms, double cpu_ms = 0) {
    stages_.push_back({std::move(stage), ms, cpu_ms});
  }
  void print(std::FILE* out) const;
  const std::vector<StageTime>& stages() const { return stages_; }

 private:
  std::vector<StageTime> stages_;
};

/// CPU time of the whole process so far (all threads), in ms.
double process_cpu_ms();

/// Adds the time between construction and destruction to `timings`.
class ScopedTimer {
 public:
  ScopedTimer(Timings& timings, std::string stage)
      : timings_(timings), stage_(std::move(stage)), start_(std::chrono::steady_clock::now()),
        cpu_start_(process_cpu_ms()) {}
  ~ScopedTimer() {
    auto d = std::chrono::steady_clock::now() - start_;
    timings_.add(std::move(stage_), std::chrono::duration<double, std::milli>(d).count(),
                 process_cpu_ms() - cpu_start_);
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  Timings& timings_;
  std::string stage_;
  std::chrono::steady_clock::time_point start_;
  double cpu_start_;
};

}  // namespace hongfan
