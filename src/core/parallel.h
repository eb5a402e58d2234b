// Ordered parallel processing with a bounded window.
//
// ordered_stream(threads, next, work, emit) takes items from next() (a generator, called
// under a lock, returning std::nullopt when there are no more), calls work(item) on up to
// `threads` worker threads, and emit(result) on the calling thread in the order the items came.
// At most `window` items are taken but not yet emitted, so memory stays bounded however many
// items there are, and reading never runs far ahead of the consumer. Output order never
// depends on thread timing. ordered_map(n, ...) does the same for the indices 0..n-1.
// An exception thrown by work() on a worker thread (std::bad_alloc) stops the stream: nothing
// after it is emitted, and it is rethrown on the calling thread once the workers have stopped.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tfa {

// The number of worker threads to use by default: the machine's cores (at least 1).
inline unsigned default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

template <class Next, class Work, class Emit>
void ordered_stream(unsigned threads, Next next, Work work, Emit emit, size_t window = 0) {
    using Item = typename decltype(next())::value_type;
    using R = decltype(work(std::declval<Item&>()));
    if (threads <= 1) {
        while (auto item = next()) emit(work(*item));
        return;
    }
    if (window == 0) window = static_cast<size_t>(threads) * 4;
    std::vector<std::optional<R>> slots(window);
    std::mutex m;
    std::condition_variable ready, space;
    size_t claimed = 0;  // items taken from next()
    size_t emitted = 0;  // results emitted
    bool exhausted = false;
    bool consumer_waiting = false;
    size_t workers_waiting = 0;
    std::exception_ptr failure;  // the first exception from work()

    // Wake-ups are made only when someone waits for them: one futex call per document would
    // cost more than some documents take to read.
    // Stops the stream after an exception from next(), work() or emit().
    auto fail = [&](std::exception_ptr e) {
        {
            std::lock_guard<std::mutex> lk(m);
            if (!failure) failure = e;
            exhausted = true;
        }
        ready.notify_all();
        space.notify_all();
    };
    auto worker_loop = [&] {
        for (;;) {
            size_t i;
            std::optional<Item> item;
            {
                std::unique_lock<std::mutex> lk(m);
                while (!exhausted && claimed >= emitted + window) {
                    ++workers_waiting;
                    space.wait(lk);
                    --workers_waiting;
                }
                if (!exhausted) item = next();
                if (!item) {
                    exhausted = true;
                    const bool wake = consumer_waiting;
                    lk.unlock();
                    if (wake) ready.notify_one();
                    space.notify_all();
                    return;
                }
                i = claimed++;
            }
            R r = work(*item);
            bool wake;
            {
                std::lock_guard<std::mutex> lk(m);
                slots[i % window].emplace(std::move(r));
                wake = consumer_waiting && i == emitted;
            }
            if (wake) ready.notify_one();
        }
    };
    auto worker = [&] {
        try {
            worker_loop();
        } catch (...) {
            fail(std::current_exception());
        }
    };
    std::vector<std::thread> pool;
    for (unsigned k = 0; k < threads; ++k) pool.emplace_back(worker);
    try {
        for (;;) {
            std::optional<R> r;
            {
                std::unique_lock<std::mutex> lk(m);
                while (!failure && !slots[emitted % window].has_value() && !(exhausted && emitted == claimed)) {
                    consumer_waiting = true;
                    ready.wait(lk);
                    consumer_waiting = false;
                }
                if (failure || !slots[emitted % window].has_value()) break;  // a failure, or everything emitted
                r = std::move(slots[emitted % window]);
                slots[emitted % window].reset();
            }
            emit(std::move(*r));
            bool wake;
            {
                std::lock_guard<std::mutex> lk(m);
                ++emitted;
                wake = workers_waiting > 0;
            }
            if (wake) space.notify_all();
        }
    } catch (...) {
        fail(std::current_exception());
    }
    for (auto& th : pool) th.join();
    if (failure) std::rethrow_exception(failure);
}

template <class Work, class Emit>
void ordered_map(size_t n, unsigned threads, Work work, Emit emit, size_t window = 0) {
    size_t i = 0, k = 0;
    ordered_stream(
        n <= 1 ? 1 : threads,
        [&]() -> std::optional<size_t> { return i < n ? std::optional<size_t>(i++) : std::nullopt; },
        [&](size_t& idx) { return work(idx); }, [&](auto&& r) { emit(k++, std::move(r)); }, window);
}

}  // namespace tfa
