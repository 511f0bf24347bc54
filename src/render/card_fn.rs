//! The templates' `card` function: one exemplar's card, from the theme's `card.html`,
//! rendered once per build for each way it is shown and then reused. A profile appears
//! on its year's roll, its unit's page and up to six other profiles' pages; rendering its
//! card once instead of on every page is most of what a large site saves here.
//!
//! `{{ card(c=c, h=3, show_year=false, show_kind=false, show_unit=true) }}`: `c` is a
//! card (docs/theme.md), `h` the heading level of its name, the `show_*` flags what the
//! list around it does not already say. The result is HTML, not escaped again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tera::{Context, Tera, Value};

/// The template a card is rendered from.
pub const TEMPLATE: &str = "card.html";

/// How many rendered cards are kept at most (about a kilobyte each): profile pages are
/// rendered in their units' order, so the cards a page needs were rendered for the pages
/// just before it; beyond that the memory is worth more than the time.
const KEPT: usize = 16_384;

type Key = (String, u64, bool, bool, bool);

pub struct CardFn {
    /// The theme's templates, without this function.
    tera: Tera,
    /// Contexts holding the theme's words (`t`), reused from one card to the next.
    contexts: Mutex<Vec<Context>>,
    base: Context,
    kept: Mutex<HashMap<Key, Arc<str>>>,
}

impl CardFn {
    pub fn new(tera: Tera, base: Context) -> CardFn {
        CardFn {
            tera,
            contexts: Mutex::new(Vec::new()),
            base,
            kept: Mutex::new(HashMap::new()),
        }
    }

    fn render(&self, c: &Value, h: u64, flags: [bool; 3]) -> tera::Result<String> {
        let mut ctx = self
            .contexts
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
            .unwrap_or_else(|| self.base.clone());
        ctx.insert("c", c);
        ctx.insert("h", &h);
        ctx.insert("show_year", &flags[0]);
        ctx.insert("show_kind", &flags[1]);
        ctx.insert("show_unit", &flags[2]);
        let html = self.tera.render(TEMPLATE, &ctx);
        self.contexts
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(ctx);
        html
    }
}

impl tera::Function for CardFn {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let c = args
            .get("c")
            .ok_or_else(|| tera::Error::msg("card(): the card is missing (c=…)"))?;
        let h = args.get("h").and_then(Value::as_u64).unwrap_or(3);
        let flag = |k: &str, default: bool| args.get(k).and_then(Value::as_bool).unwrap_or(default);
        let flags = [
            flag("show_year", false),
            flag("show_kind", false),
            flag("show_unit", true),
        ];
        // Within a build a card's address names it: one card per profile.
        let Some(url) = c.get("url").and_then(Value::as_str) else {
            return self.render(c, h, flags).map(Value::String);
        };
        let key: Key = (url.to_string(), h, flags[0], flags[1], flags[2]);
        let lock = || self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(html) = lock().get(&key) {
            return Ok(Value::String(html.to_string()));
        }
        let html = self.render(c, h, flags)?;
        let mut kept = lock();
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.insert(key, Arc::from(html.as_str()));
        Ok(Value::String(html))
    }

    fn is_safe(&self) -> bool {
        true
    }
}
