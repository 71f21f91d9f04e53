// A bounded worker pool for the data-parallel stages (parse, render, write).
#pragma once

#include <cstddef>
#include <functional>

namespace hongfan {

/// Number of workers to use: HONGFAN_THREADS if set, else the hardware's.
unsigned worker_count();

/// Calls fn(i) for every i in [0, n) on up to worker_count() threads and
/// returns when all are done. Work is handed out in small chunks from a
/// shared counter so uneven items balance. The first exception thrown by
/// `fn` is rethrown on the calling thread after all workers stop.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& fn);

}  // namespace hongfan
