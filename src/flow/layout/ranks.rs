//! Phase 2, ranks: longest path from the top (loops left out); notes take their box's rank. The
//! main column starts at the first root and follows the child with the longest path below it.

use super::cycles::Cycles;
use super::state::Input;

pub(super) struct Ranks {
    pub rank: Vec<usize>,
    /// Longest forward path below each box.
    pub below: Vec<usize>,
    /// On the straight main column.
    pub main: Vec<bool>,
    /// The main column's next box where it continues through a single child.
    pub main_next: Vec<Option<usize>>,
    pub first_root: Option<usize>,
}

pub(super) fn assign(g: &Input, c: &Cycles) -> Ranks {
    let n = g.n;
    let mut rank = vec![0usize; n];
    for &u in &c.topo {
        for le in c.forward(g, u) {
            let v = g.arrows[le].to;
            rank[v] = rank[v].max(rank[u] + 1);
        }
    }
    let mut below = vec![0usize; n];
    for &u in &c.finish {
        for le in c.forward(g, u) {
            below[u] = below[u].max(below[g.arrows[le].to] + 1);
        }
    }
    for i in 0..n {
        if let Some(t) = g.attached[i] {
            rank[i] = rank[t];
        }
    }
    let first_root = c.roots.first().copied();
    let (main, main_next) = main_column(g, c, &rank, &below, first_root);
    Ranks {
        rank,
        below,
        main,
        main_next,
        first_root,
    }
}

/// From the first root, follow the child with the longest path below; where equally long
/// branches fork, the column resumes at the node where they meet again.
fn main_column(
    g: &Input,
    c: &Cycles,
    rank: &[usize],
    below: &[usize],
    first_root: Option<usize>,
) -> (Vec<bool>, Vec<Option<usize>>) {
    let n = g.n;
    let mut main = vec![false; n];
    let mut main_next: Vec<Option<usize>> = vec![None; n];
    let Some(root) = first_root else {
        return (main, main_next);
    };
    let mut cur = root;
    main[cur] = true;
    loop {
        let kids: Vec<usize> = c.forward(g, cur).map(|le| g.arrows[le].to).collect();
        let Some(best) = kids.iter().map(|&k| below[k]).max() else {
            break;
        };
        let tied: Vec<usize> = kids.iter().copied().filter(|&k| below[k] == best).collect();
        let next = if tied.len() == 1 {
            main_next[cur] = Some(tied[0]);
            tied[0]
        } else {
            // Equal columns that never meet again: the fork stays centred above them. Equal
            // leaves (办结 beside 予以退回): the first declared continues the column.
            match meeting_point(&tied, g, c, rank) {
                Some(m) => m,
                None if best == 0 => {
                    main_next[cur] = Some(tied[0]);
                    tied[0]
                }
                None => break,
            }
        };
        if main[next] {
            break;
        }
        main[next] = true;
        cur = next;
    }
    (main, main_next)
}

/// The first node (by rank, then declaration) reachable from every one of `starts`.
fn meeting_point(starts: &[usize], g: &Input, c: &Cycles, rank: &[usize]) -> Option<usize> {
    let n = g.n;
    let mut count = vec![0usize; n];
    for &s in starts {
        let mut seen = vec![false; n];
        let mut stack = vec![s];
        while let Some(u) = stack.pop() {
            if std::mem::replace(&mut seen[u], true) {
                continue;
            }
            count[u] += 1;
            for &le in &g.out[u] {
                if !c.is_loop[le] {
                    stack.push(g.arrows[le].to);
                }
            }
        }
    }
    (0..n)
        .filter(|&v| count[v] == starts.len())
        .min_by_key(|&v| (rank[v], v))
}

#[cfg(test)]
mod tests {
    use super::super::cycles::{find_loops, tests::chart};
    use super::*;
    use crate::flow::NodeKind::*;

    #[test]
    fn longest_path_ranks_and_the_column_follows_the_longer_branch() {
        // a → b → c → d, and a → x (a short side branch).
        let g = chart(
            &[
                ("a", Start),
                ("x", End),
                ("b", Step),
                ("c", Step),
                ("d", End),
            ],
            &[("a", "x"), ("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")],
        );
        let input = Input::resolve(&g);
        let r = assign(&input, &find_loops(&input));
        assert_eq!(r.rank, vec![0, 1, 1, 2, 3]);
        assert_eq!(r.below[0], 3);
        assert_eq!(r.main, vec![true, false, true, true, true]);
    }

    #[test]
    fn equal_branches_that_meet_again_resume_the_column_where_they_meet() {
        let g = chart(
            &[("a", Start), ("l", Step), ("r", Step), ("m", End)],
            &[("a", "l"), ("a", "r"), ("l", "m"), ("r", "m")],
        );
        let input = Input::resolve(&g);
        let r = assign(&input, &find_loops(&input));
        assert_eq!(r.main, vec![true, false, false, true]);
        assert_eq!(r.main_next[0], None);
    }
}
