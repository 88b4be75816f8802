//! Points and rectangles in pt, origin at the top left, y growing downwards.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }
}

/// Axis-aligned rectangle: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn centered(cx: f32, cy: f32, w: f32, h: f32) -> Rect {
        Rect {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
        }
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn cx(&self) -> f32 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f32 {
        self.y + self.h / 2.0
    }
    /// Whether the interiors overlap once each side is pulled in by `inset`.
    pub fn overlaps(&self, o: &Rect, inset: f32) -> bool {
        self.x + inset < o.right() - inset
            && o.x + inset < self.right() - inset
            && self.y + inset < o.bottom() - inset
            && o.y + inset < self.bottom() - inset
    }
    /// Whether an axis-parallel segment enters the interior shrunk by `inset`.
    pub fn hits_segment(&self, a: Point, b: Point, inset: f32) -> bool {
        let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
        let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
        x0 < self.right() - inset
            && x1 > self.x + inset
            && y0 < self.bottom() - inset
            && y1 > self.y + inset
    }
    pub(super) fn translate(&mut self, dx: f32, dy: f32) {
        self.x += dx;
        self.y += dy;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_segment_tests_respect_the_inset() {
        let a = Rect::centered(10.0, 10.0, 10.0, 10.0);
        let b = Rect {
            x: 14.0,
            y: 5.0,
            w: 10.0,
            h: 10.0,
        };
        assert!(a.overlaps(&b, 0.0));
        assert!(!a.overlaps(&b, 1.0));
        assert!(a.hits_segment(Point::new(0.0, 10.0), Point::new(20.0, 10.0), 0.5));
        assert!(!a.hits_segment(Point::new(0.0, 15.0), Point::new(20.0, 15.0), 0.5));
        assert_eq!(
            (a.right(), a.bottom(), a.cx(), a.cy()),
            (15.0, 15.0, 10.0, 10.0)
        );
    }
}
