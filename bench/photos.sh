#!/bin/sh
# Photo benchmark (not a test): 200 generated 3000 × 4000 portraits, two builds, and the
# bytes a phone downloads for the year page before and after. See bench/photos.rs.
#   bench/photos.sh [DIR]     DIR keeps the generated site for a later run
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin bangvang --example photos
exec target/release/examples/photos target/release/bangvang "$@"
