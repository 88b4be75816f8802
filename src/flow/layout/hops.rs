//! Hops: where a vertical line crosses another edge's horizontal run and no track order could
//! avoid it, the horizontal line jumps over the vertical one in a small arc, so the crossing
//! cannot be read as a junction (a branch joining the other line). Lines that meet at a bus
//! (a fork's drops, a merge's arrivals) end on it and get no hop.

use super::EdgeLayout;
use super::geometry::Point;

/// Marks on every edge the points where one of its horizontal segments crosses a vertical
/// segment of another edge inside both (not at an end of either).
pub(super) fn mark(edges: &mut [EdgeLayout], radius: f32) {
    let verticals: Vec<(usize, Point, Point)> = edges
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.points
                .windows(2)
                .filter(|w| (w[0].x - w[1].x).abs() < 0.01 && (w[0].y - w[1].y).abs() > 0.01)
                .map(move |w| (i, w[0], w[1]))
        })
        .collect();
    for (j, e) in edges.iter_mut().enumerate() {
        let mut hops: Vec<Point> = Vec::new();
        for w in e.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            if (a.y - b.y).abs() > 0.01 {
                continue;
            }
            let (lo, hi) = (a.x.min(b.x), a.x.max(b.x));
            for &(i, c, d) in &verticals {
                let (top, bottom) = (c.y.min(d.y), c.y.max(d.y));
                let crosses = i != j
                    && c.x > lo + radius
                    && c.x < hi - radius
                    && a.y > top + 0.01
                    && a.y < bottom - 0.01;
                let q = Point::new(c.x, a.y);
                if crosses && !hops.contains(&q) {
                    hops.push(q);
                }
            }
        }
        e.hops = hops;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(points: &[(f32, f32)]) -> EdgeLayout {
        EdgeLayout {
            edge: Some(0),
            from: 0,
            to: 1,
            points: points.iter().map(|&(x, y)| Point::new(x, y)).collect(),
            arrow: None,
            dashed: false,
            loop_back: false,
            hops: Vec::new(),
        }
    }

    #[test]
    fn a_run_across_another_line_hops_over_it_but_a_junction_does_not() {
        let mut edges = vec![
            // Down, across on y = 20, down.
            edge(&[(0.0, 0.0), (0.0, 20.0), (100.0, 20.0), (100.0, 40.0)]),
            // A straight line through that run at x = 50.
            edge(&[(50.0, 0.0), (50.0, 40.0)]),
            // A drop that ends on the run (a merge): a junction, no hop.
            edge(&[(70.0, 0.0), (70.0, 20.0)]),
        ];
        mark(&mut edges, 3.0);
        assert_eq!(edges[0].hops, vec![Point::new(50.0, 20.0)]);
        assert!(edges[1].hops.is_empty() && edges[2].hops.is_empty());
    }
}
