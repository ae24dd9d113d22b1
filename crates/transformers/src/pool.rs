//! A small pool of model instances. rust-bert models are not `Sync`: one instance serves one
//! caller at a time, so with `--jobs N` acta loads N instances and a worker takes a free one
//! rather than queueing on a single lock.

use std::sync::{Condvar, Mutex};

pub struct Pool<T> {
    free: Mutex<Vec<T>>,
    returned: Condvar,
    size: usize,
}

impl<T: Send> Pool<T> {
    pub fn new(instances: Vec<T>) -> Self {
        let size = instances.len();
        Pool { free: Mutex::new(instances), returned: Condvar::new(), size }
    }

    /// How many instances the pool holds.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Runs `f` with a free instance, waiting for one when all are busy. The instance goes back to
    /// the pool even when `f` panics, so that one bad report does not shrink the pool.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        let instance = {
            let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                if let Some(i) = free.pop() {
                    break i;
                }
                free = self.returned.wait(free).unwrap_or_else(|e| e.into_inner());
            }
        };
        struct Return<'p, T: Send> {
            pool: &'p Pool<T>,
            instance: Option<T>,
        }
        impl<T: Send> Drop for Return<'_, T> {
            fn drop(&mut self) {
                if let Some(i) = self.instance.take() {
                    self.pool.free.lock().unwrap_or_else(|e| e.into_inner()).push(i);
                    self.pool.returned.notify_one();
                }
            }
        }
        let guard = Return { pool: self, instance: Some(instance) };
        f(guard.instance.as_ref().expect("instance present until drop"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn workers_share_instances_and_a_panic_returns_its_instance() {
        let pool = Pool::new(vec![0usize, 1]);
        let busy = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..6 {
                s.spawn(|| {
                    for _ in 0..20 {
                        pool.with(|_| {
                            let now = busy.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            std::thread::yield_now();
                            busy.fetch_sub(1, Ordering::SeqCst);
                        });
                    }
                });
            }
        });
        assert!(most.load(Ordering::SeqCst) <= 2, "never more callers than instances");
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pool.with(|_| panic!("boom"))));
        std::panic::set_hook(hook);
        assert_eq!(pool.free.lock().unwrap().len(), 2, "the instance came back");
    }
}
