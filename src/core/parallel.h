// Ordered parallel map with a bounded window.
//
// ordered_map(n, threads, work, emit) calls work(i) for i in [0, n) on up to `threads` worker
// threads and emit(i, result) on the calling thread in index order. At most `window` results
// wait to be emitted at once, so memory stays bounded however large n is and reading never runs
// far ahead of the consumer. Output order never depends on thread timing.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tfa {

// The number of worker threads to use by default: the machine's cores (at least 1).
inline unsigned default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

template <class Work, class Emit>
void ordered_map(size_t n, unsigned threads, Work work, Emit emit, size_t window = 0) {
    using R = decltype(work(size_t{0}));
    if (threads <= 1 || n <= 1) {
        for (size_t i = 0; i < n; ++i) emit(i, work(i));
        return;
    }
    if (window == 0) window = static_cast<size_t>(threads) * 4;
    std::vector<std::optional<R>> slots(window);
    std::mutex m;
    std::condition_variable ready, space;
    size_t next_claim = 0;      // next index a worker may take
    size_t next_emit = 0;       // next index the consumer emits
    bool consumer_waiting = false;
    size_t workers_waiting = 0;

    // Wake-ups are made only when someone waits for them: one futex call per document would
    // cost more than some documents take to read.
    auto worker = [&] {
        for (;;) {
            size_t i;
            {
                std::unique_lock<std::mutex> lk(m);
                while (next_claim < n && next_claim >= next_emit + window) {
                    ++workers_waiting;
                    space.wait(lk);
                    --workers_waiting;
                }
                if (next_claim >= n) return;
                i = next_claim++;
            }
            R r = work(i);
            bool wake;
            {
                std::lock_guard<std::mutex> lk(m);
                slots[i % window].emplace(std::move(r));
                wake = consumer_waiting && i == next_emit;
            }
            if (wake) ready.notify_one();
        }
    };
    std::vector<std::thread> pool;
    const unsigned t = static_cast<unsigned>(std::min<size_t>(threads, n));
    for (unsigned k = 0; k < t; ++k) pool.emplace_back(worker);
    while (next_emit < n) {
        std::optional<R> r;
        {
            std::unique_lock<std::mutex> lk(m);
            while (!slots[next_emit % window].has_value()) {
                consumer_waiting = true;
                ready.wait(lk);
                consumer_waiting = false;
            }
            r = std::move(slots[next_emit % window]);
            slots[next_emit % window].reset();
        }
        emit(next_emit, std::move(*r));
        bool wake;
        {
            std::lock_guard<std::mutex> lk(m);
            ++next_emit;
            wake = workers_waiting > 0;
        }
        if (wake) space.notify_all();
    }
    for (auto& th : pool) th.join();
}

}  // namespace tfa
