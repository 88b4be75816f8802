//! Several jurisdictions at once: every document of every jurisdiction in one queue.
//!
//! The queue lists the jurisdictions in order: each one's plain files (chart SVGs, …), then its
//! documents, the longest first. One worker per core takes the next task until the queue is empty.
//! When a jurisdiction's last task is done, a publishing thread finishes it (its staging folder is
//! flushed and swapped in, `done` is called) while the workers go on with the next one, so no core
//! waits at the end of a jurisdiction, as when jurisdictions were built one after another.
//!
//! Each worker runs on a pool of its own with one thread: typst's own parallel work inside a
//! document then runs on the worker's thread. Across two cores that is faster than letting typst
//! spread one document over both (measured on the seeds: 1.77 s against 1.97 s for the full
//! build), and a worker never picks up a second document while one is half done, so at most one
//! document per worker is in memory.
//!
//! typst's memoization cache is cleared at each finished jurisdiction: little of one
//! jurisdiction is reused by the next, and without this the cache grows with every one built.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};

use super::build::{Begun, BuildOptions, BuildReport, Job, Open, Rendered, typeset_pool_of};
use super::fonts::Fonts;
use super::world::TemplateCache;
use super::{RenderError, lock};

/// Whether a build's outputs may be published, decided while it runs (the lint gate runs beside
/// the typesetting). Jurisdictions are typeset into their staging folders meanwhile; none is
/// swapped in before the decision, and a refusal stops the queue and drops every staging folder,
/// so the previous outputs stay.
#[derive(Default)]
pub struct Permit {
    decision: Mutex<Option<bool>>,
    decided: Condvar,
}

impl Permit {
    /// A permit already given (a build without a gate).
    pub fn granted() -> Permit {
        Permit {
            decision: Mutex::new(Some(true)),
            decided: Condvar::new(),
        }
    }

    /// Gives (`true`) or refuses the permit; the first decision holds.
    pub fn decide(&self, publish: bool) {
        let mut decision = lock(&self.decision);
        if decision.is_none() {
            *decision = Some(publish);
            self.decided.notify_all();
        }
    }

    /// Refused already (does not wait).
    fn refused(&self) -> bool {
        *lock(&self.decision) == Some(false)
    }

    /// Waits for the decision.
    fn wait(&self) -> bool {
        let mut decision = lock(&self.decision);
        loop {
            match *decision {
                Some(publish) => return publish,
                None => {
                    decision = self
                        .decided
                        .wait(decision)
                        .unwrap_or_else(|e| e.into_inner())
                }
            }
        }
    }
}

/// One task of the queue: a jurisdiction's plain files, or one of its documents.
#[derive(Clone, Copy)]
enum Task {
    Plain,
    Document(usize),
}

/// A jurisdiction being built: its open staging folder, what its tasks gave and how many are left.
struct Slot<'a> {
    job: usize,
    /// Read by every worker typesetting one of its documents; taken by the one finishing it.
    open: RwLock<Option<Open<'a>>>,
    plain: Mutex<Option<Result<(), RenderError>>>,
    rendered: Mutex<Vec<Option<Result<Rendered, RenderError>>>>,
    left: AtomicUsize,
}

/// Builds `jobs` (see the module docs); results in the order of `jobs`.
pub(super) fn run(
    jobs: &[Job],
    fonts: &Arc<Fonts>,
    options: &BuildOptions,
    permit: &Permit,
    done: &(dyn Fn(&Job) + Sync),
) -> Vec<Result<BuildReport, RenderError>> {
    let mut results: Vec<Option<Result<BuildReport, RenderError>>> =
        jobs.iter().map(|_| None).collect();
    let templates = Arc::new(TemplateCache::default());
    let mut slots = Vec::new();
    for (j, job) in jobs.iter().enumerate() {
        match Open::begin(job, fonts, options, &templates) {
            Ok(Begun::Open(open)) => slots.push(Slot {
                job: j,
                plain: Mutex::new(None),
                rendered: Mutex::new(open.units.iter().map(|_| None).collect()),
                left: AtomicUsize::new(open.units.len() + 1),
                open: RwLock::new(Some(*open)),
            }),
            Ok(Begun::Skipped(report)) => results[j] = Some(Ok(report)),
            Err(e) => results[j] = Some(Err(e)),
        }
        if results[j].is_some() {
            done(job);
        }
    }
    let queue: Vec<(usize, Task)> = slots
        .iter()
        .enumerate()
        .flat_map(|(s, slot)| {
            let documents = slot.left.load(Ordering::Relaxed) - 1;
            std::iter::once((s, Task::Plain))
                .chain((0..documents).map(move |u| (s, Task::Document(u))))
        })
        .collect();
    let next = AtomicUsize::new(0);
    let finished: Mutex<Vec<(usize, Result<BuildReport, RenderError>)>> = Mutex::new(Vec::new());
    // Publishing a jurisdiction (waiting for the gate, flushing its folder to disk, the swap) is
    // mostly waiting: it runs on a thread of its own so that no core idles meanwhile.
    let publish = |s: usize| {
        let slot = &slots[s];
        let report = if permit.wait() {
            finish(slot, options, &jobs[slot.job])
        } else {
            Err(interrupted(&jobs[slot.job], options))
        };
        lock(&finished).push((slot.job, report));
        done(&jobs[slot.job]);
    };
    let work = |completed: &dyn Fn(usize)| {
        while let Some(&(s, task)) = queue.get(next.fetch_add(1, Ordering::Relaxed)) {
            if permit.refused() {
                break;
            }
            let slot = &slots[s];
            perform(slot, task);
            if slot.left.fetch_sub(1, Ordering::AcqRel) == 1 {
                // After the last one, clearing is time lost: the build is over.
                if next.load(Ordering::Relaxed) < queue.len() {
                    typst::comemo::evict(0);
                }
                completed(s);
            }
        }
    };
    let workers: Vec<rayon::ThreadPool> = (0..threads())
        .filter_map(|_| typeset_pool_of(Some(1)))
        .collect();
    if workers.is_empty() {
        work(&publish);
    } else {
        std::thread::scope(|scope| {
            let (completed, to_publish) = std::sync::mpsc::channel::<usize>();
            scope.spawn(|| to_publish.into_iter().for_each(publish));
            for worker in &workers {
                let completed = completed.clone();
                let work = &work;
                scope.spawn(move || worker.install(|| work(&|s| completed.send(s).unwrap_or(()))));
            }
            // The publisher stops when the last worker has stopped (and dropped its sender).
            drop(completed);
        });
    }
    for (j, report) in finished.into_inner().unwrap_or_else(|e| e.into_inner()) {
        results[j] = Some(report);
    }
    results
        .into_iter()
        .zip(jobs)
        .map(|(r, job)| r.unwrap_or_else(|| Err(interrupted(job, options))))
        .collect()
}

/// Runs one task and keeps what it gave in its slot.
fn perform(slot: &Slot, task: Task) {
    let open = slot.open.read().unwrap_or_else(|e| e.into_inner());
    let Some(open) = open.as_ref() else {
        return;
    };
    match task {
        Task::Plain => *lock(&slot.plain) = Some(open.write_plain()),
        Task::Document(u) => {
            let result = open.render(u);
            lock(&slot.rendered)[u] = Some(result);
        }
    }
}

/// Finishes a jurisdiction whose tasks are all done.
fn finish(slot: &Slot, options: &BuildOptions, job: &Job) -> Result<BuildReport, RenderError> {
    let open = slot.open.write().unwrap_or_else(|e| e.into_inner()).take();
    let Some(open) = open else {
        return Err(interrupted(job, options));
    };
    let plain = lock(&slot.plain)
        .take()
        .unwrap_or_else(|| Err(interrupted(job, options)));
    let rendered = std::mem::take(&mut *lock(&slot.rendered))
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(interrupted(job, options))))
        .collect();
    open.finish(plain, rendered)
}

/// A jurisdiction the queue did not finish (a worker stopped early): nothing of it is published
/// and its previous outputs stay.
fn interrupted(job: &Job, options: &BuildOptions) -> RenderError {
    RenderError::Io {
        path: options.out_dir.join(job.dir_name()),
        source: std::io::Error::from(std::io::ErrorKind::Interrupted),
    }
}

/// Workers: `RAYON_NUM_THREADS` when set (as for rayon's own pools), else one per core.
fn threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
}
