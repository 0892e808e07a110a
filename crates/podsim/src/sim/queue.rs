//! The simulation's event queue: a min-heap of (time, sequence) so that events at the same
//! virtual instant run in the order they were scheduled.

use crate::time::Millis;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

#[derive(Debug)]
pub struct Queue<E> {
    heap: BinaryHeap<Reverse<(Millis, u64, Slot<E>)>>,
    seq: u64,
}

/// Wrapper so the payload does not take part in the ordering.
#[derive(Debug)]
struct Slot<E>(E);

impl<E> PartialEq for Slot<E> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl<E> Eq for Slot<E> {}
impl<E> PartialOrd for Slot<E> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Slot<E> {
    fn cmp(&self, _: &Self) -> std::cmp::Ordering {
        std::cmp::Ordering::Equal
    }
}

impl<E> Default for Queue<E> {
    fn default() -> Self {
        Queue {
            heap: BinaryHeap::new(),
            seq: 0,
        }
    }
}

impl<E> Queue<E> {
    /// Schedule `e` at `t`; returns its sequence number (the order among equal times).
    pub fn push(&mut self, t: Millis, e: E) -> u64 {
        self.seq += 1;
        self.heap.push(Reverse((t, self.seq, Slot(e))));
        self.seq
    }

    /// A sequence number later than every one handed out so far, as a push would take it.
    pub fn take_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// Every pending event with its time and sequence number, in no particular order.
    pub fn pending(&self) -> impl Iterator<Item = (Millis, u64, &E)> {
        self.heap
            .iter()
            .map(|Reverse((t, seq, Slot(e)))| (*t, *seq, e))
    }

    pub fn peek_time(&self) -> Option<Millis> {
        self.heap.peek().map(|Reverse((t, _, _))| *t)
    }

    pub fn pop(&mut self) -> Option<(Millis, E)> {
        self.heap.pop().map(|Reverse((t, _, Slot(e)))| (t, e))
    }

    pub fn len(&self) -> usize {
        self.heap.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_time_then_insertion() {
        let mut q = Queue::default();
        q.push(5, "b");
        q.push(1, "a");
        q.push(5, "c");
        assert_eq!(q.pop(), Some((1, "a")));
        assert_eq!(q.pop(), Some((5, "b")));
        assert_eq!(q.pop(), Some((5, "c")));
        assert_eq!(q.pop(), None);
    }
}
