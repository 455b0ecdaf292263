//! Work on every core for the few places that touch a thousand of something (guide files,
//! provider phrases), keeping results in order. Small inputs stay on one thread.

use std::num::NonZero;

/// `items.iter().map(f).collect()`, on every core when there are at least `min_per_core`
/// items for each.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    min_per_core: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, NonZero::get);
    if cores < 2 || items.len() < min_per_core.saturating_mul(2) {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(cores).max(1);
    let f = &f;
    let mut parts = items.chunks(chunk);
    let first = parts.next().unwrap_or_default();
    std::thread::scope(|scope| {
        // The calling thread takes the first part itself: one thread fewer to start, and one
        // stack and allocator arena fewer in memory.
        let handles: Vec<_> = parts
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        let mut all: Vec<R> = first.iter().map(f).collect();
        for handle in handles {
            all.extend(
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        all
    })
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn keeps_the_order_of_the_items_whatever_the_number_of_threads() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = map(&items, 1, |n| n * 2);
        assert_eq!(doubled, (0..1000).map(|n| n * 2).collect::<Vec<_>>());
        assert_eq!(map(&items[..3], 16, |n| n + 1), vec![1, 2, 3]);
        assert_eq!(map(&items[..3], 1, |n| n + 1), vec![1, 2, 3]);
        assert!(map(&items[..0], 0, |n| n + 1).is_empty());
    }
}
