//! The statistics page's charts, as SVG the build writes by hand (no script, no chart
//! library: a few rectangles and labels are all these need). Each chart is an image
//! for assistive technology (`role="img"`, a `<title>` and a `<desc>` it is labelled
//! by); the page follows each with a table of the same numbers.

use std::fmt::Write as _;

/// One series of a chart: its name, its colour and a value per category.
pub struct Series<'a> {
    pub name: &'a str,
    pub color: &'a str,
    pub values: Vec<usize>,
}

/// What every chart has: an id (for its title and description), the title and the
/// description.
pub struct Frame<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A round step for `max` in about four intervals: 1, 2 or 5 times a power of ten.
fn step(max: usize) -> usize {
    let rough = (max.max(1) as f64 / 4.0).max(1.0);
    let p = 10f64.powf(rough.log10().floor());
    let m = rough / p;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    (nice * p) as usize
}

fn open(s: &mut String, f: &Frame, width: u32, height: u32) {
    let _ = write!(
        s,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(f.title),
        escape(f.desc),
        id = f.id
    );
}

/// The width of the charts' drawing, in their own units: narrow enough that their
/// words stay legible on a phone.
const WIDTH: u32 = 560;

/// A legend of the series along the top, wrapped to the chart's width; returns the
/// height it takes.
fn legend(s: &mut String, series: &[Series]) -> u32 {
    let (mut x, mut y) = (0u32, 4u32);
    for se in series {
        let w = 34 + 10 * se.name.chars().count() as u32;
        if x > 0 && x + w > WIDTH {
            (x, y) = (0, y + 22);
        }
        let _ = write!(
            s,
            "<rect x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            se.color,
            x + 20,
            y + 12,
            escape(se.name)
        );
        x += w;
    }
    y + 22
}

/// The chart's `<svg>` with its drawing `body` below a legend of `series`, `height`
/// units tall besides the legend.
fn chart(f: &Frame, series: &[Series], height: u32, body: impl FnOnce(&mut String, u32)) -> String {
    let mut legend_svg = String::new();
    let top = legend(&mut legend_svg, series) + 14;
    let mut s = String::new();
    open(&mut s, f, WIDTH, top + height);
    s.push_str(&legend_svg);
    body(&mut s, top);
    s.push_str("</svg>");
    s
}

/// Columns stacked by series, one per category (years), with the total above each.
pub fn columns(f: &Frame, categories: &[String], series: &[Series]) -> String {
    let (left, plot) = (44u32, 220u32);
    let n = categories.len().max(1) as u32;
    let totals: Vec<usize> = (0..categories.len())
        .map(|k| series.iter().map(|se| se.values[k]).sum())
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0);
    let step = step(max);
    let top_value = max.div_ceil(step).max(1) * step;
    let scale = f64::from(plot) / top_value as f64;
    chart(f, series, plot + 52, |s, top| {
        let top = top + 18;
        let bottom = top + plot;
        let mut v = 0;
        while v <= top_value {
            let y = f64::from(bottom) - v as f64 * scale;
            let _ = write!(
                s,
                "<line class=\"grid\" x1=\"{left}\" x2=\"{WIDTH}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text class=\"axis\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{v}</text>",
                left - 8,
                y + 5.0
            );
            v += step;
        }
        let slot = f64::from(WIDTH - left) / f64::from(n);
        let bar = (slot * 0.6).min(64.0);
        for (k, cat) in categories.iter().enumerate() {
            let x = f64::from(left) + slot * k as f64 + (slot - bar) / 2.0;
            let mut y = f64::from(bottom);
            for se in series {
                let h = se.values[k] as f64 * scale;
                if h > 0.0 {
                    y -= h;
                    let _ = write!(
                        s,
                        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"{}\"/>",
                        se.color
                    );
                }
            }
            let cx = x + bar / 2.0;
            let _ = write!(
                s,
                "<text class=\"value\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text><text x=\"{cx:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                y - 6.0,
                totals[k],
                bottom + 24,
                escape(cat)
            );
        }
    })
}

/// Horizontal bars, one per category (units), stacked by series (years), each labelled
/// above with its name and followed by its total.
pub fn bars(f: &Frame, categories: &[String], series: &[Series]) -> String {
    let row = 48u32;
    let totals: Vec<usize> = (0..categories.len())
        .map(|k| series.iter().map(|se| se.values[k]).sum())
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1);
    let scale = f64::from(WIDTH - 56) / max as f64;
    chart(f, series, row * categories.len() as u32, |s, top| {
        for (k, cat) in categories.iter().enumerate() {
            let y = top + row * k as u32;
            let name: String = if cat.chars().count() > 66 {
                cat.chars().take(64).chain(['…']).collect()
            } else {
                cat.clone()
            };
            let _ = write!(s, "<text x=\"0\" y=\"{}\">{}</text>", y + 14, escape(&name));
            let mut x = 0.0f64;
            for se in series {
                let w = se.values[k] as f64 * scale;
                if w > 0.0 {
                    let _ = write!(
                        s,
                        "<rect x=\"{x:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"16\" fill=\"{}\"/>",
                        y + 22,
                        se.color
                    );
                    x += w;
                }
            }
            let _ = write!(
                s,
                "<text class=\"value\" x=\"{:.1}\" y=\"{}\">{}</text>",
                x + 6.0,
                y + 36,
                totals[k]
            );
        }
    })
}

/// `n` colours from light gold to deep red, for the years of a stacked chart.
pub fn ramp(n: usize) -> Vec<String> {
    let (a, b) = ([0xe8u8, 0xc0, 0x6a], [0x7a, 0x12, 0x1a]);
    (0..n)
        .map(|k| {
            let t = if n <= 1 {
                1.0
            } else {
                k as f64 / (n - 1) as f64
            };
            let c: Vec<u8> = (0..3)
                .map(|i| (f64::from(a[i]) + (f64::from(b[i]) - f64::from(a[i])) * t).round() as u8)
                .collect();
            format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(step(0), 1);
        assert_eq!(step(16), 5);
        assert_eq!(step(100), 50);
        assert_eq!(step(7), 2);
        assert_eq!(step(100_000), 50_000);
    }

    #[test]
    fn a_chart_is_an_image_with_its_title_and_description() {
        let f = Frame {
            id: "c1",
            title: "Theo năm",
            desc: "Tổng <16>",
        };
        let svg = columns(
            &f,
            &["2023".into(), "2024".into()],
            &[Series {
                name: "Tập thể",
                color: "#8f1d21",
                values: vec![3, 4],
            }],
        );
        assert!(svg.starts_with("<svg class=\"chart\""));
        assert!(svg.contains("role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
        assert!(svg.contains("<title id=\"c1-title\">Theo năm</title>"));
        assert!(svg.contains("<desc id=\"c1-desc\">Tổng &lt;16&gt;</desc>"));
        assert_eq!(
            svg.matches("<rect").count(),
            1 + 2,
            "a legend and two columns"
        );
        let bars = bars(&f, &["A & B".into()], &[]);
        assert!(bars.contains("A &amp; B"));
        assert_eq!(ramp(3).len(), 3);
        assert_eq!(ramp(1), vec!["#7a121a".to_string()]);
    }
}
