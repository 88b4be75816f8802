//! Phase 6, y positions: a rank is as tall as its tallest box; the gap above it holds its
//! tracks and, where an edge label sits above a box, room for the label.

use super::state::{Layered, Vertex};
use super::tracks::Tracks;

/// The vertical grid: where each gap and each rank starts.
pub(super) struct Rows {
    pub gap_top: Vec<f32>,
    pub layer_top: Vec<f32>,
    pub layer_h: Vec<f32>,
    pad_top: f32,
    track_sp: f32,
}

impl Rows {
    /// Centre line of a vertex's rank.
    pub fn cy(&self, v: &Vertex) -> f32 {
        self.layer_top[v.rank] + self.layer_h[v.rank] / 2.0
    }

    /// y of track `t` in gap `gap`.
    pub fn track_y(&self, gap: usize, t: usize) -> f32 {
        self.gap_top[gap] + self.pad_top + t as f32 * self.track_sp
    }
}

/// `label_zone[g]`: height of the tallest label sitting in gap `g` above its target.
pub(super) fn assign(lg: &Layered, tracks: &Tracks, label_zone: &[f32], fs: f32) -> Rows {
    let ranks = lg.ranks;
    let pad_top = 0.9 * fs;
    let track_sp = 0.6 * fs;
    let pad_bottom = 0.9 * fs;
    let gap_min = 2.2 * fs;
    let mut gap_top = vec![0.0f32; ranks + 1];
    let mut layer_top = vec![0.0f32; ranks];
    let mut layer_h = vec![0.0f32; ranks];
    for (r, layer) in lg.layers.iter().enumerate() {
        layer_h[r] = layer.iter().map(|&v| lg.verts[v].h).fold(0.0, f32::max);
    }
    let mut y = 0.0f32;
    for g in 0..=ranks {
        gap_top[g] = y;
        let n_tracks = tracks.count[g];
        let mut content = 0.0;
        if n_tracks > 0 {
            content += pad_top + (n_tracks - 1) as f32 * track_sp;
        }
        if label_zone[g] > 0.0 {
            content += label_zone[g] + 0.5 * fs;
        }
        let h = if g == 0 || g == ranks {
            if content > 0.0 {
                content + pad_bottom
            } else {
                0.0
            }
        } else {
            gap_min.max(content + pad_bottom)
        };
        y += h;
        if g < ranks {
            layer_top[g] = y;
            y += layer_h[g];
        }
    }
    Rows {
        gap_top,
        layer_top,
        layer_h,
        pad_top,
        track_sp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn two_ranks(h: [f32; 2]) -> Layered {
        let vert = |rank: usize, h: f32| Vertex {
            node: Some(rank),
            rank,
            w: 10.0,
            h,
            slot: 0.0,
            key: 0.0,
            main: true,
            note_of: None,
            x: 0.0,
        };
        Layered {
            verts: vec![vert(0, h[0]), vert(1, h[1])],
            chains: Vec::new(),
            loops: Vec::new(),
            up: vec![vec![], vec![0]],
            down: vec![vec![1], vec![]],
            ranks: 2,
            layers: vec![vec![0], vec![1]],
            pos: vec![0, 0],
        }
    }

    #[test]
    fn gaps_grow_with_tracks_and_labels() {
        let lg = two_ranks([20.0, 30.0]);
        let none = Tracks {
            count: vec![0, 0, 0],
            segment: HashMap::new(),
        };
        let rows = assign(&lg, &none, &[0.0; 3], 10.0);
        // No top gap, a minimum gap of 2.2 em between the ranks.
        assert_eq!(rows.layer_top, vec![0.0, 42.0]);
        assert_eq!(rows.cy(&lg.verts[1]), 57.0);
        let two = Tracks {
            count: vec![0, 2, 0],
            segment: HashMap::new(),
        };
        let rows = assign(&lg, &two, &[0.0, 15.0, 0.0], 10.0);
        // 0.9 em pad, one track spacing, the label and its margin, 0.9 em pad below.
        assert_eq!(rows.layer_top[1], 20.0 + 9.0 + 6.0 + 15.0 + 5.0 + 9.0);
        assert_eq!(rows.track_y(1, 1), 20.0 + 9.0 + 6.0);
    }
}
