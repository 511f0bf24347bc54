//! The honour board to print (`/YEAR/in/`, SPEC §5): the year's roll for the notice
//! board, every published exemplar in roll order with picture, name, position, unit,
//! summary and QR code. One page, however long: print splits it, never inside a card.

use super::pages::{Html, Pages};
use super::share::Owner;

impl Pages<'_> {
    pub fn board(&self, year: u16) -> Result<Html, String> {
        let ix = self.index;
        // The whole roll, on one page.
        let roll = self.roll(year, 1, 0..usize::MAX, false);
        let title = format!(
            "{} {year}",
            self.theme
                .word("board_title", "Bảng vàng điển hình tiên tiến năm")
        );
        let description = roll.plan.as_ref().map(|p| p.title.clone());
        let page = self.meta(
            "board",
            title,
            description.as_deref(),
            &ix.urls.board(year),
            Some(Owner::Year(year)),
        );
        // The QR codes are beside the published profiles when the site has a full address.
        let qr = ix.urls.origin.is_some();
        self.render("board.html", page, &[("roll", &roll), ("qr", &qr)], "")
    }
}
