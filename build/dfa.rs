//! Compiles the translated XSD patterns into small deterministic automata
//! over UTF-8 bytes, emitted as static tables (`PATTERN_DFAS`), so that the
//! validator matches a value with one table lookup per byte and never
//! compiles a regular expression at run time.
//!
//! regex-automata determinises and minimises each pattern here, in the build
//! script; the tables are then renumbered (0 = dead, 1 = start) and the
//! byte alphabet reduced to the classes of bytes that behave alike.

use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;

use regex_automata::dfa::{Automaton, StartKind, dense};
use regex_automata::util::primitives::StateID;
use regex_automata::{Anchored, MatchKind};

/// One compiled pattern.
pub struct Table {
    /// Byte → class.
    pub classes: [u8; 256],
    /// Number of classes (the row length of `trans`).
    pub stride: usize,
    /// `trans[state * stride + class]`; state 0 is dead, 1 is the start.
    pub trans: Vec<u16>,
    /// `accept[state]`: the whole input matched when it ends in `state`.
    pub accept: Vec<bool>,
}

/// Compiles an anchored (`\A(?:…)\z`) regular expression.
pub fn compile(regex: &str) -> Result<Table, String> {
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .start_kind(StartKind::Anchored)
                .match_kind(MatchKind::All)
                .minimize(true),
        )
        .build(regex)
        .map_err(|e| format!("pattern {regex:?} does not compile to a DFA: {e}"))?;
    // The start state at the beginning of the input (no look-behind).
    let start = dfa
        .start_state(&regex_automata::util::start::Config::new().anchored(Anchored::Yes))
        .map_err(|e| format!("pattern {regex:?} has no anchored start state: {e}"))?;

    // Renumber the reachable states: 0 dead, 1 start, then breadth first.
    let mut ids: BTreeMap<StateID, u16> = BTreeMap::new();
    let mut order: Vec<StateID> = Vec::new();
    let mut queue = VecDeque::new();
    let number = |s: StateID,
                  ids: &mut BTreeMap<StateID, u16>,
                  order: &mut Vec<StateID>,
                  queue: &mut VecDeque<StateID>|
     -> Result<u16, String> {
        if dfa.is_dead_state(s) {
            return Ok(0);
        }
        if let Some(&n) = ids.get(&s) {
            return Ok(n);
        }
        let n = u16::try_from(order.len() + 1)
            .map_err(|_| format!("pattern {regex:?} needs more than 65,535 states"))?;
        ids.insert(s, n);
        order.push(s);
        queue.push_back(s);
        Ok(n)
    };
    number(start, &mut ids, &mut order, &mut queue)?;
    let mut rows: Vec<[u16; 256]> = Vec::new();
    let mut accept = vec![false];
    while let Some(s) = queue.pop_front() {
        let mut row = [0u16; 256];
        for b in 0..=255u8 {
            let next = dfa.next_state(s, b);
            row[usize::from(b)] = number(next, &mut ids, &mut order, &mut queue)?;
        }
        rows.push(row);
        accept.push(dfa.is_match_state(dfa.next_eoi_state(s)));
    }

    // Bytes whose columns agree in every row share a class.
    let mut classes = [0u8; 256];
    let mut columns: Vec<Vec<u16>> = Vec::new();
    for b in 0..256 {
        let column: Vec<u16> = rows.iter().map(|r| r[b]).collect();
        let class = if let Some(i) = columns.iter().position(|c| *c == column) {
            i
        } else {
            columns.push(column);
            columns.len() - 1
        };
        classes[b] = u8::try_from(class).map_err(|_| "more than 256 classes".to_string())?;
    }
    let stride = columns.len();
    if (rows.len() + 1) * stride > usize::from(u16::MAX) {
        return Err(format!("pattern {regex:?}: the table is too large"));
    }
    let mut trans = vec![0u16; stride]; // the dead state's row
    for row in &rows {
        let mut compact = vec![0u16; stride];
        for b in 0..256 {
            compact[usize::from(classes[b])] = row[b];
        }
        trans.extend(compact);
    }
    Table {
        classes,
        stride,
        trans,
        accept,
    }
    .checked(&dfa, regex)
}

impl Table {
    /// Checks the renumbered table against the DFA it came from on a few
    /// inputs; a mismatch is a bug in this module.
    fn checked(self, dfa: &dense::DFA<Vec<u32>>, regex: &str) -> Result<Self, String> {
        let samples: [&[u8]; 8] = [
            b"",
            b"0",
            b"1234567",
            b"12.50",
            b"PL",
            b"abc@def",
            b"-1",
            "٣".as_bytes(),
        ];
        for sample in samples {
            let input = regex_automata::Input::new(sample).anchored(Anchored::Yes);
            let expected = dfa
                .try_search_fwd(&input)
                .map_err(|e| e.to_string())?
                .is_some();
            if self.is_match(sample) != expected {
                return Err(format!(
                    "pattern {regex:?}: compiled table disagrees on {sample:?}"
                ));
            }
        }
        Ok(self)
    }

    /// Runs the table on `input`.
    pub fn is_match(&self, input: &[u8]) -> bool {
        let mut s = 1usize;
        for &b in input {
            s = usize::from(
                self.trans[s * self.stride + usize::from(self.classes[usize::from(b)])],
            );
            if s == 0 {
                return false;
            }
        }
        self.accept[s]
    }

    /// The table as a Rust expression of type `Dfa`.
    pub fn emit(&self) -> String {
        let mut s = String::from("Dfa { classes: &[");
        for (i, c) in self.classes.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            let _ = write!(s, "{c}");
        }
        let _ = write!(s, "], stride: {}, trans: &[", self.stride);
        // Emitted as row offsets (state × stride), so that matching needs
        // no multiplication per byte.
        for (i, t) in self.trans.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            let _ = write!(s, "{}", usize::from(*t) * self.stride);
        }
        s.push_str("], accept: &[");
        for (i, a) in self.accept.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            s.push_str(if *a { "true" } else { "false" });
        }
        s.push_str("] }");
        s
    }
}
