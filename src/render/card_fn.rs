//! The templates' `card` function: one exemplar's card, from the theme's `card.html`,
//! rendered once per build for each way it is shown and then reused. A profile appears
//! on its year's roll, its unit's page and up to six other profiles' pages; rendering its
//! card once instead of on every page is most of what a large site saves here.
//!
//! `{{ card(c=c, h=3, show_year=false, show_kind=false, show_unit=true,
//! show_summary=true) }}`: `c` is a card (docs/theme.md), `h` the heading level of its
//! name, the `show_*` flags what the list around it does not already say (and whether it
//! has room for the summary). The result is HTML, not escaped again.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use tera::{Context, Function, Kwargs, State, Tera, TeraResult, Value};

use super::theme::describe;

/// The template a card is rendered from.
pub const TEMPLATE: &str = "card.html";

/// How many rendered cards are kept at most (about a kilobyte each): profile pages are
/// rendered in their units' order, so the cards a page needs were rendered for the pages
/// just before it; beyond that the memory is worth more than the time.
const KEPT: usize = 16_384;

/// One way of showing a card: `h` and the four `show_*` flags.
type Way = (u64, [bool; 4]);

pub struct CardFn {
    /// The theme's templates, with a `card` function that refuses (a card holds no card).
    tera: Tera,
    /// Rendered cards by address, then by way of showing. A rendered card is a safe
    /// string whose text is shared, not copied, by every page that prints it.
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    cards: HashMap<Box<str>, Vec<(Way, Value)>>,
    count: usize,
}

impl CardFn {
    pub fn new(tera: Tera) -> CardFn {
        CardFn {
            tera,
            kept: Mutex::new(Kept::default()),
        }
    }

    fn render(&self, c: Value, (h, flags): Way) -> TeraResult<Value> {
        let mut ctx = Context::new();
        ctx.insert_value("c", c);
        ctx.insert("h", &h);
        ctx.insert("show_year", &flags[0]);
        ctx.insert("show_kind", &flags[1]);
        ctx.insert("show_unit", &flags[2]);
        ctx.insert("show_summary", &flags[3]);
        // An error inside card.html is told as one sentence naming its line; the page's
        // error then names the line that called `card`.
        match self.tera.render(TEMPLATE, &ctx) {
            Ok(html) => Ok(Value::safe_string(&html)),
            Err(e) => Err(tera::Error::message(describe(&e))),
        }
    }
}

impl Function<TeraResult<Value>> for CardFn {
    fn call(&self, args: Kwargs, _: &State) -> TeraResult<Value> {
        let c = args
            .get::<Value>("c")?
            .ok_or_else(|| tera::Error::message("card(): the card is missing (c=…)"))?;
        let h = args.get::<u64>("h")?.unwrap_or(3);
        let flag = |k: &str, default: bool| Ok::<_, tera::Error>(args.get(k)?.unwrap_or(default));
        let way: Way = (
            h,
            [
                flag("show_year", false)?,
                flag("show_kind", false)?,
                flag("show_unit", true)?,
                flag("show_summary", true)?,
            ],
        );
        // Within a build a card's address names it: one card per profile.
        let Some(url) = c.get_from_path("url").and_then(Value::as_str) else {
            return self.render(c, way);
        };
        let lock = || self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(html) = lock()
            .cards
            .get(url)
            .and_then(|ways| ways.iter().find(|(w, _)| *w == way))
        {
            return Ok(html.1.clone());
        }
        let url: Box<str> = url.into();
        let html = self.render(c, way)?;
        let mut kept = lock();
        if kept.count >= KEPT {
            *kept = Kept::default();
        }
        let ways = kept.cards.entry(url).or_default();
        // Another thread may have rendered the same card meanwhile.
        if !ways.iter().any(|(w, _)| *w == way) {
            ways.push((way, html.clone()));
            kept.count += 1;
        }
        Ok(html)
    }

    fn is_safe(&self) -> bool {
        true
    }
}
