//! Setting a card's text in its box: shaped once, broken into lines between words,
//! at the largest of a few sizes that fits in the lines allowed; past the smallest, the
//! last line ends with an ellipsis. A word wider than the box is broken between letters.

use super::font::{self, Glyph, Weight};

/// A piece of text to set: its weight, the sizes to try (largest first), how many lines
/// it may take and how wide they may be, in pixels.
pub struct Spec<'a> {
    pub text: &'a str,
    pub weight: Weight,
    pub sizes: &'a [u16],
    pub max_lines: usize,
    pub width: f32,
}

/// The text set: its size and its lines, each a run of shaped glyphs and its width.
#[derive(Debug, Clone)]
pub struct Block {
    pub weight: Weight,
    pub size: u16,
    pub lines: Vec<(Vec<Glyph>, f32)>,
}

impl Block {
    /// The distance between two baselines.
    pub fn line_height(&self) -> i32 {
        (f32::from(self.size) * 1.28).round() as i32
    }

    /// The height the block takes.
    pub fn height(&self) -> i32 {
        self.line_height() * self.lines.len() as i32
    }
}

/// A word: its glyphs, its width in font units and the width of the space after it.
struct Word {
    glyphs: Vec<Glyph>,
    units: i32,
}

/// The words of `text` (normalised: single spaces) as shaped glyphs.
fn words(w: Weight, text: &str) -> (Vec<Word>, i32) {
    let glyphs = font::shape(w, text);
    let space = font::shape(w, " ").first().map_or(0, |g| g.advance);
    let mut out = Vec::new();
    let mut current = Word {
        glyphs: Vec::new(),
        units: 0,
    };
    for g in glyphs {
        let is_space = text.as_bytes().get(g.cluster as usize) == Some(&b' ');
        if is_space {
            if !current.glyphs.is_empty() {
                out.push(std::mem::replace(
                    &mut current,
                    Word {
                        glyphs: Vec::new(),
                        units: 0,
                    },
                ));
            }
            continue;
        }
        current.units += g.advance;
        current.glyphs.push(g);
    }
    if !current.glyphs.is_empty() {
        out.push(current);
    }
    (out, space)
}

/// Lines of words within `max` font units; a word wider than a line is cut between
/// glyphs.
fn wrap(words: &[Word], space: i32, max: i32) -> Vec<(Vec<Glyph>, i32)> {
    let mut lines: Vec<(Vec<Glyph>, i32)> = Vec::new();
    let mut line: (Vec<Glyph>, i32) = (Vec::new(), 0);
    for word in words {
        let gap = if line.0.is_empty() { 0 } else { space };
        if line.1 + gap + word.units <= max {
            if gap > 0 {
                push_space(&mut line, space);
            }
            line.0.extend_from_slice(&word.glyphs);
            line.1 += word.units;
            continue;
        }
        if !line.0.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for g in &word.glyphs {
            if line.1 + g.advance > max && !line.0.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.0.push(*g);
            line.1 += g.advance;
        }
    }
    if !line.0.is_empty() {
        lines.push(line);
    }
    lines
}

/// A space between words: the pen moves, nothing is drawn.
fn push_space(line: &mut (Vec<Glyph>, i32), space: i32) {
    line.1 += space;
    if let Some(last) = line.0.last_mut() {
        last.advance += space;
    }
}

/// Cuts `lines` to `max_lines`, ending the last with an ellipsis that fits in `max`.
fn truncate(
    w: Weight,
    mut lines: Vec<(Vec<Glyph>, i32)>,
    max_lines: usize,
    max: i32,
) -> Vec<(Vec<Glyph>, i32)> {
    if lines.len() <= max_lines {
        return lines;
    }
    lines.truncate(max_lines);
    let dots = font::shape(w, "…");
    let dots_units: i32 = dots.iter().map(|g| g.advance).sum();
    if let Some(last) = lines.last_mut() {
        while last.1 + dots_units > max {
            match last.0.pop() {
                Some(g) => last.1 -= g.advance,
                None => break,
            }
        }
        last.0.extend(dots);
        last.1 += dots_units;
    }
    lines
}

/// Sets `spec`: on one line at the largest size that allows it among all but the smallest
/// two (a name is easier to read, by people and by OCR, whole on one line); else the
/// largest size at which the text fits its lines; else the smallest, cut with an
/// ellipsis. Empty text gives no line.
pub fn set(spec: &Spec) -> Block {
    let text = font::normalise(spec.text);
    let (words, space) = words(spec.weight, &text);
    let smallest = spec.sizes.last().copied().unwrap_or(24);
    let one_line = spec.sizes.len().saturating_sub(2);
    let fits_one = spec.sizes[..one_line].iter().copied().find(|&size| {
        let max = (spec.width / font::scale(spec.weight, size)) as i32;
        wrap(&words, space, max).len() <= 1
    });
    let sizes: Vec<u16> = fits_one
        .into_iter()
        .chain(spec.sizes.iter().copied())
        .collect();
    for &size in &sizes {
        let max = (spec.width / font::scale(spec.weight, size)) as i32;
        let lines = wrap(&words, space, max);
        let fits = lines.len() <= spec.max_lines;
        if fits || size == smallest {
            let lines = truncate(spec.weight, lines, spec.max_lines, max);
            let scale = font::scale(spec.weight, size);
            return Block {
                weight: spec.weight,
                size,
                lines: lines
                    .into_iter()
                    .map(|(g, units)| (g, units as f32 * scale))
                    .collect(),
            };
        }
    }
    Block {
        weight: spec.weight,
        size: smallest,
        lines: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec<'a>(text: &'a str, sizes: &'a [u16], max_lines: usize, width: f32) -> Spec<'a> {
        Spec {
            text,
            weight: Weight::Bold,
            sizes,
            max_lines,
            width,
        }
    }

    #[test]
    fn a_short_name_keeps_the_largest_size_on_one_line() {
        let b = set(&spec("Nguyễn Văn An", &[64, 52, 44], 2, 720.0));
        assert_eq!((b.size, b.lines.len()), (64, 1));
        assert!(b.lines[0].1 <= 720.0);
    }

    #[test]
    fn a_long_unit_wraps_between_words_then_shrinks() {
        let text =
            "Trung tâm Kiểm định chất lượng công trình xây dựng và Quản lý hạ tầng kỹ thuật đô thị";
        let b = set(&spec(text, &[40, 34, 30], 2, 720.0));
        assert!(b.lines.len() <= 2);
        assert!(b.lines.iter().all(|(_, w)| *w <= 720.0 + 0.5));
        let glyphs: usize = b.lines.iter().map(|(g, _)| g.len()).sum();
        // Every letter is there, or the last line ends with an ellipsis.
        let letters = text.chars().filter(|c| *c != ' ').count();
        assert!(glyphs >= letters || b.size == 30);
    }

    #[test]
    fn too_long_text_ends_with_an_ellipsis() {
        let text = "Điển hình ".repeat(40);
        let b = set(&spec(&text, &[40, 30], 2, 500.0));
        assert_eq!((b.size, b.lines.len()), (30, 2));
        let ellipsis = font::shape(Weight::Bold, "…")[0].id;
        assert_eq!(b.lines[1].0.last().map(|g| g.id), Some(ellipsis));
        assert!(b.lines[1].1 <= 500.0 + 0.5);
    }

    #[test]
    fn a_word_wider_than_the_box_is_cut() {
        let b = set(&spec("Nghiêngnghiêngnghiêngnghiêng", &[40], 3, 200.0));
        assert!(b.lines.len() > 1);
        assert!(b.lines.iter().all(|(_, w)| *w <= 200.0 + 0.5));
        assert!(set(&spec("", &[40], 2, 200.0)).lines.is_empty());
    }
}
