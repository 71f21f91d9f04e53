// Stage timers: `hongfan build --timings` prints where the time went.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace hongfan {

class Timings {
 public:
  void add(std::string stage, double ms) { stages_.emplace_back(std::move(stage), ms); }
  void print(std::FILE* out) const;
  const std::vector<std::pair<std::string, double>>& stages() const { return stages_; }

 private:
  std::vector<std::pair<std::string, double>> stages_;
};

/// Adds the time between construction and destruction to `timings`.
class ScopedTimer {
 public:
  ScopedTimer(Timings& timings, std::string stage)
      : timings_(timings), stage_(std::move(stage)), start_(std::chrono::steady_clock::now()) {}
  ~ScopedTimer() {
    auto d = std::chrono::steady_clock::now() - start_;
    timings_.add(std::move(stage_), std::chrono::duration<double, std::milli>(d).count());
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  Timings& timings_;
  std::string stage_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace hongfan
