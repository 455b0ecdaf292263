//! `guides check`: one broken fixture per rule, each reported with file, line and column.
