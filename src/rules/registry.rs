//! The one list of every rule. A test checks that each rule file is listed
//! here exactly once.

use super::Rule;
use super::dates;

/// Every registered rule, ordered by code.
pub static RULES: &[&Rule] = &[
    &dates::issue_date_in_future::ISSUE_DATE_IN_FUTURE,
    &dates::issue_date_time_zone_window::ISSUE_DATE_TIME_ZONE_WINDOW,
    &dates::issue_date_offline::ISSUE_DATE_OFFLINE,
];
