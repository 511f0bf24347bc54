//! `static-conflict`: a file of `content/static/` standing where the build makes a page
//! or file of its own (`content/static/index.html` would replace the home page). Which
//! paths are the build's is known in one place, `render::urls::generated`.

use super::Out;
use crate::content::model::Site;
use crate::diag::{Diagnostic, Msg, Rule};
use crate::render::urls::generated;

pub fn static_conflict(site: &Site, out: &mut Out) {
    for f in site.statics.iter().filter(|f| generated(&f.rel)) {
        let file = format!("content/static/{}", f.rel);
        let msg = Msg::StaticConflict {
            path: f.rel.clone(),
        };
        out.push(Diagnostic::new(Rule::StaticConflict, &file, 1, None, msg));
    }
}
