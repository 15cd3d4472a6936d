//! Seeded mutations of an exported workspace: its structure, types, ranges, dates,
//! references and settings, huge strings, and at the byte level invalid UTF-8 and truncation.

use serde_json::{json, Map, Value};

/// One step into a JSON document: a key of an object or an index of an array.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

type Path = Vec<Step>;

fn show(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Key(k) if text.is_empty() => text.push_str(k),
            Step::Key(k) => text.push_str(&format!(".{k}")),
            Step::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    if text.is_empty() {
        "the document".into()
    } else {
        text
    }
}

/// Every path in `v`, the root included.
fn paths(v: &Value) -> Vec<Path> {
    fn walk(v: &Value, at: &mut Path, out: &mut Vec<Path>) {
        out.push(at.clone());
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    at.push(Step::Key(k.clone()));
                    walk(child, at, out);
                    at.pop();
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    at.push(Step::Index(i));
                    walk(child, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

fn at<'a>(v: &'a Value, path: &[Step]) -> &'a Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &v[k.as_str()],
        Step::Index(i) => &v[*i],
    })
}

fn at_mut<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

fn last_key(path: &[Step]) -> &str {
    match path.last() {
        Some(Step::Key(k)) => k,
        _ => "",
    }
}

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> Option<&'a T> {
    (!items.is_empty()).then(|| &items[rng.usize(..items.len())])
}

fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

const BAD_DATES: &[&str] = &[
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-11-31",
    "2025-02-29",
    "",
    "yesterday",
    "2026/11/23",
    "23-11-2026",
    "2026-11-23T25:00:00",
    "2026-11-23T10:61:00",
    "2026-W00",
    "2026-W54",
    "2026-W53",
    "2020-W53",
    "2026-Q0",
    "2026-Q5",
    "2026-Q4",
    "0000-01-01",
    "0001-01-01",
    "1969-12-31",
    "9999-12-31",
    "9999-12-31T23:59:59",
    "0001-01-01T00:00:00",
    "+262142-12-31",
    "-262143-01-01",
    "-0001-06-15",
    "99999-01-01",
    "2026-11-23T10:00:00Z",
    "2026-11-23T10:00:00.123456789",
    "2026-11-23 10:00:00",
    "2026-W48-1",
];

const WORDS: &[&str] = &[
    "Active",
    "ACTIVE",
    "active ",
    "unknown",
    "",
    "on track",
    "on_track",
    "on-track",
    "off-track",
    "at-risk",
    "proposed",
    "done",
    "dropped",
    "paused",
    "customer",
    "release",
    "enabler",
    "discovery",
    "low",
    "medium",
    "high",
    "weekly",
    "monthly",
    "quarterly",
    "md",
    "html",
    "txt",
    "json",
    "pdf",
];

const SETTINGS: &[(&str, &[&str])] = &[
    (
        "fiscal_year_start",
        &[
            "0",
            "13",
            "-1",
            "4",
            "1",
            "12",
            "abc",
            "",
            "4.5",
            "99999999999999999999",
        ],
    ),
    (
        "monthly.reprioritisation_threshold",
        &["-1", "0", "101", "100", "4", "x", "", "9223372036854775807"],
    ),
    ("an.unknown.setting", &["1", ""]),
];

fn numbers() -> Vec<Value> {
    vec![
        json!(0),
        json!(-1),
        json!(1),
        json!(2),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(i32::MAX),
        json!(i32::MIN as i64 - 1),
        json!(u64::MAX),
        json!(1.5),
        json!(-0.0),
        json!(1e300),
        json!(9_007_199_254_740_993_i64),
    ]
}

/// Text that is legal but unusual: markup, formulas, right-to-left script, emoji, combining
/// marks, sizes around the commands' limit of 2,000 characters.
fn odd_text(rng: &mut fastrand::Rng) -> String {
    let pieces = [
        "a",
        "é",
        "日本語",
        "🙂",
        "👩‍👩‍👧",
        "e\u{301}",
        "مرحبا",
        "שלום",
        "<script>alert(1)</script>",
        "<b>bold</b> &amp; &lt;",
        "=HYPERLINK(\"http://x\")",
        "+1",
        "-1",
        "@sum",
        "**bold** _it_ # head | table |",
        "`code`",
        "[link](javascript:alert(1))",
        " ",
    ];
    let len = match rng.u8(..4) {
        0 => rng.usize(1..40),
        1 => 1_999,
        2 => 2_001,
        _ => rng.usize(40..2_000),
    };
    let mut s = String::new();
    while s.chars().count() < len {
        s.push_str(pieces[rng.usize(..pieces.len())]);
    }
    s.chars().take(len).collect::<String>().trim().to_string() + "."
}

/// A huge string, with control characters and direction overrides or without them.
fn huge_string(rng: &mut fastrand::Rng) -> String {
    let hostile = [
        "\u{202e}",
        "\u{0}",
        "\n",
        "\r\n",
        "\t",
        "\u{1b}[31m",
        "\u{feff}",
        "\u{7f}",
    ];
    let with_controls = rng.bool();
    let len = match rng.u8(..4) {
        0 => 10_000,
        1 => 100_000,
        2 => 1_000_000,
        _ => rng.usize(2_000..5_000),
    };
    let mut s = String::with_capacity(len + 32);
    while s.len() < len {
        if with_controls && rng.u8(..4) == 0 {
            s.push_str(hostile[rng.usize(..hostile.len())]);
        } else {
            s.push_str(&odd_text(rng));
        }
    }
    s
}

/// A change that keeps the file whole and consistent: a record nothing points at removed,
/// free text rewritten, a setting given another valid value.
fn mutate_benignly(rng: &mut fastrand::Rng, doc: &mut Value) -> String {
    match rng.u8(..3) {
        0 => {
            let sections = ["checkins", "blockers", "decisions", "reviews"];
            let s = sections[rng.usize(..sections.len())];
            match doc.get_mut(s).and_then(Value::as_array_mut) {
                Some(a) if !a.is_empty() => {
                    let i = rng.usize(..a.len());
                    a.remove(i);
                    format!("{s}[{i}] removed")
                }
                _ => "nothing".into(),
            }
        }
        1 => {
            let fields: &[(&str, &str)] = &[
                ("checkins", "shipped"),
                ("checkins", "progress"),
                ("checkins", "note"),
                ("blockers", "text"),
                ("decisions", "question"),
                ("decisions", "outcome"),
                ("people", "email"),
                ("people", "role"),
                ("changes", "reason"),
                ("reviews", "body"),
            ];
            let (s, key) = fields[rng.usize(..fields.len())];
            let text = odd_text(rng);
            let len = text.chars().count();
            match doc.get_mut(s).and_then(Value::as_array_mut) {
                Some(a) if !a.is_empty() => {
                    let i = rng.usize(..a.len());
                    // An earlier mutation may have made the record something else than an
                    // object (an array, a number), which has no key to write.
                    match a[i].as_object_mut() {
                        Some(record) => {
                            record.insert(key.into(), json!(text));
                            format!("{s}[{i}].{key} = odd text of {len} characters")
                        }
                        None => "nothing".into(),
                    }
                }
                _ => "nothing".into(),
            }
        }
        _ => {
            let (key, value) = if rng.bool() {
                ("fiscal_year_start", rng.u8(1..=12).to_string())
            } else {
                (
                    "monthly.reprioritisation_threshold",
                    rng.u8(0..=100).to_string(),
                )
            };
            match doc.get_mut("settings").and_then(Value::as_object_mut) {
                Some(m) => {
                    m.insert(key.into(), json!(value));
                    format!("settings.{key} = {value:?}")
                }
                None => "nothing".into(),
            }
        }
    }
}

/// The largest id in the array `section` of `doc`.
fn max_id(doc: &Value, section: &str) -> i64 {
    doc[section]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["id"].as_i64())
        .max()
        .unwrap_or(0)
}

/// One value-level mutation of `doc`, described.
fn mutate_value(rng: &mut fastrand::Rng, doc: &mut Value) -> String {
    let all = paths(doc);
    let leaves: Vec<&Path> = all
        .iter()
        .filter(|p| !matches!(at(doc, p), Value::Object(_) | Value::Array(_)))
        .collect();
    match rng.u8(..18) {
        12.. => mutate_benignly(rng, doc),
        // Structure: a key dropped.
        0 => {
            let objects: Vec<&Path> = all.iter().filter(|p| at(doc, p).is_object()).collect();
            let Some(path) = pick(rng, &objects) else {
                return "nothing".into();
            };
            let obj = at_mut(doc, path).as_object_mut().unwrap();
            let keys: Vec<String> = obj.keys().cloned().collect();
            match pick(rng, &keys) {
                Some(k) => {
                    obj.remove(k);
                    format!("dropped {}.{k}", show(path))
                }
                None => "nothing".into(),
            }
        }
        // Structure: wrong nesting (a value wrapped, a record moved to another section, a
        // section turned into an object or emptied).
        1 => {
            let path = pick(rng, &all).unwrap().clone();
            let target = at_mut(doc, &path);
            let old = target.take();
            let (new, how) = match rng.u8(..5) {
                0 => (json!([old]), "wrapped in an array"),
                1 => (json!({ "value": old }), "wrapped in an object"),
                2 => (json!([]), "emptied to []"),
                3 => (json!({}), "emptied to {}"),
                _ => {
                    let sections = [
                        "people",
                        "initiatives",
                        "changes",
                        "checkins",
                        "blockers",
                        "decisions",
                        "baselines",
                        "reviews",
                    ];
                    let from = sections[rng.usize(..sections.len())];
                    let record = doc[from]
                        .as_array()
                        .and_then(|a| pick(rng, a).cloned())
                        .unwrap_or(Value::Null);
                    let to = at_mut(doc, &path);
                    *to = old;
                    if let Some(a) = to.as_array_mut() {
                        a.push(record);
                        return format!("a record of {from} appended to {}", show(&path));
                    }
                    return format!("{} left as it was", show(&path));
                }
            };
            *at_mut(doc, &path) = new;
            format!("{} {how}", show(&path))
        }
        // Types: a leaf replaced by a value of another type.
        2 => {
            let Some(path) = pick(rng, &leaves).map(|p| (*p).clone()) else {
                return "nothing".into();
            };
            let new = match rng.u8(..6) {
                0 => json!(null),
                1 => json!(true),
                2 => json!(42),
                3 => json!("42"),
                4 => json!([1, 2]),
                _ => json!({ "a": 1 }),
            };
            *at_mut(doc, &path) = new.clone();
            format!("{} = {new}", show(&path))
        }
        // Ranges: a number taken to an extreme.
        3 => {
            let numeric: Vec<&Path> = leaves
                .iter()
                .copied()
                .filter(|p| at(doc, p).is_number())
                .collect();
            let Some(path) = pick(rng, &numeric).map(|p| (*p).clone()) else {
                return "nothing".into();
            };
            let new = pick(rng, &numbers()).unwrap().clone();
            *at_mut(doc, &path) = new.clone();
            format!("{} = {new}", show(&path))
        }
        // Dates, weeks, quarters and times: invalid or out of range.
        4 | 5 => {
            let dates: Vec<&Path> = leaves
                .iter()
                .copied()
                .filter(|p| at(doc, p).as_str().is_some_and(looks_like_date))
                .collect();
            let Some(path) = pick(rng, &dates).map(|p| (*p).clone()) else {
                return "nothing".into();
            };
            let new = pick(rng, BAD_DATES).unwrap().to_string();
            *at_mut(doc, &path) = json!(new);
            format!("{} = {new:?}", show(&path))
        }
        // References: an id pointing nowhere, to itself, or duplicated.
        6 | 7 => {
            let refs: Vec<&Path> = leaves
                .iter()
                .copied()
                .filter(|p| {
                    let k = last_key(p);
                    k == "id" || k.ends_with("_id") || k == "amends"
                })
                .collect();
            let Some(path) = pick(rng, &refs).map(|p| (*p).clone()) else {
                return "nothing".into();
            };
            let biggest = [
                "people",
                "initiatives",
                "blockers",
                "decisions",
                "baselines",
            ]
            .iter()
            .map(|s| max_id(doc, s))
            .max()
            .unwrap_or(0);
            let new = match rng.u8(..4) {
                // An earlier mutation may have made an id as large as i64 holds.
                0 => biggest.saturating_add(1 + rng.i64(0..1000)),
                1 => 1,
                2 => -rng.i64(1..5),
                _ => rng.i64(1..=biggest.max(1)),
            };
            *at_mut(doc, &path) = json!(new);
            format!("{} = {new}", show(&path))
        }
        // Huge (and hostile) strings.
        8 => {
            let strings: Vec<&Path> = leaves
                .iter()
                .copied()
                .filter(|p| at(doc, p).is_string())
                .collect();
            let Some(path) = pick(rng, &strings).map(|p| (*p).clone()) else {
                return "nothing".into();
            };
            let new = huge_string(rng);
            let len = new.len();
            *at_mut(doc, &path) = json!(new);
            format!("{} = a string of {len} bytes", show(&path))
        }
        // Words of the closed sets: wrong case, unknown, another set's.
        9 => {
            let strings: Vec<&Path> = leaves
                .iter()
                .copied()
                .filter(|p| {
                    matches!(
                        last_key(p),
                        "status"
                            | "track"
                            | "health"
                            | "risk_level"
                            | "kind"
                            | "format"
                            | "field"
                            | "period"
                            | "quarter"
                            | "week"
                    )
                })
                .collect();
            let Some(path) = pick(rng, &strings).map(|p| (*p).clone()) else {
                return "nothing".into();
            };
            let new = pick(rng, WORDS).unwrap().to_string();
            *at_mut(doc, &path) = json!(new);
            format!("{} = {new:?}", show(&path))
        }
        // Settings.
        10 => {
            let (key, values) = SETTINGS[rng.usize(..SETTINGS.len())];
            let value = values[rng.usize(..values.len())];
            match doc.get_mut("settings").and_then(Value::as_object_mut) {
                Some(m) => {
                    m.insert(key.into(), json!(value));
                    format!("settings.{key} = {value:?}")
                }
                None => "nothing".into(),
            }
        }
        // A record duplicated (same id) or the format and schema version changed.
        _ => match rng.u8(..3) {
            0 => {
                let sections = ["people", "initiatives", "checkins", "blockers", "decisions"];
                let s = sections[rng.usize(..sections.len())];
                match doc.get_mut(s).and_then(Value::as_array_mut) {
                    Some(a) if !a.is_empty() => {
                        let r = a[rng.usize(..a.len())].clone();
                        a.push(r);
                        format!("a record of {s} duplicated")
                    }
                    _ => "nothing".into(),
                }
            }
            1 => {
                let v = pick(rng, &numbers()).unwrap().clone();
                match doc.as_object_mut() {
                    Some(m) => {
                        m.insert("schema_version".into(), v.clone());
                        format!("schema_version = {v}")
                    }
                    None => "nothing".into(),
                }
            }
            _ => match doc.as_object_mut() {
                Some(m) => {
                    m.insert("format".into(), json!("cadence-workspace-2"));
                    "format = \"cadence-workspace-2\"".into()
                }
                None => "nothing".into(),
            },
        },
    }
}

/// A duplicated key: an object of `doc` gets a second copy of one of its keys, with another
/// value, in the text.
fn duplicate_key(rng: &mut fastrand::Rng, doc: &mut Value) -> Option<(String, String)> {
    const MARK: &str = "\u{1}duplicate\u{1}";
    let all = paths(doc);
    let objects: Vec<&Path> = all
        .iter()
        .filter(|p| at(doc, p).as_object().is_some_and(|m| !m.is_empty()))
        .collect();
    let path = (*pick(rng, &objects)?).clone();
    let obj: &mut Map<String, Value> = at_mut(doc, &path).as_object_mut()?;
    let keys: Vec<String> = obj.keys().cloned().collect();
    let key = pick(rng, &keys)?.clone();
    let value = match rng.u8(..3) {
        0 => json!(null),
        1 => json!("duplicate"),
        _ => obj[&key].clone(),
    };
    obj.insert(MARK.into(), value);
    let text = serde_json::to_string_pretty(doc).ok()?;
    let marked = serde_json::to_string(MARK).ok()?;
    let real = serde_json::to_string(&key).ok()?;
    Some((
        text.replacen(&marked, &real, 1),
        format!("{}.{key} given twice", show(&path)),
    ))
}

/// A mutated copy of `export`, with what was done to it.
pub fn mutate(rng: &mut fastrand::Rng, export: &Value) -> (Vec<u8>, Vec<String>) {
    let mut doc = export.clone();
    let mut done = Vec::new();
    let steps = match rng.u8(..10) {
        0..=4 => 1,
        5..=7 => 2,
        _ => 3,
    };
    for _ in 0..steps {
        done.push(mutate_value(rng, &mut doc));
    }
    let mut bytes = if rng.u8(..10) == 0 {
        match duplicate_key(rng, &mut doc) {
            Some((text, what)) => {
                done.push(what);
                text.into_bytes()
            }
            None => serde_json::to_vec_pretty(&doc).unwrap(),
        }
    } else {
        serde_json::to_vec_pretty(&doc).unwrap()
    };
    match rng.u8(..20) {
        0 => {
            let at = rng.usize(..=bytes.len());
            bytes.truncate(at);
            done.push(format!("truncated to {at} bytes"));
        }
        1 => {
            let bad: &[&[u8]] = &[
                b"\xff",
                b"\xc3\x28",
                b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80",
                b"\xc0\xaf",
                b"\x80",
            ];
            let seq = bad[rng.usize(..bad.len())];
            // Inside a string where there is one, so the JSON around it stays whole.
            let quotes: Vec<usize> = bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'"')
                .map(|(i, _)| i + 1)
                .collect();
            let at = pick(rng, &quotes)
                .copied()
                .unwrap_or_else(|| rng.usize(..=bytes.len()));
            bytes.splice(at..at, seq.iter().copied());
            done.push(format!("invalid UTF-8 {seq:x?} at byte {at}"));
        }
        2 if !bytes.is_empty() => {
            let at = rng.usize(..bytes.len());
            bytes[at] = rng.u8(..);
            done.push(format!("byte {at} changed"));
        }
        _ => {}
    }
    (bytes, done)
}

/// Each kind of date, week, month, quarter and time in `export` (its first occurrence) set in
/// turn to the ends of what it can hold: the cases with what was done to each.
pub fn calendar_ends(export: &Value) -> Vec<(Vec<u8>, String)> {
    let mut seen = std::collections::BTreeSet::new();
    let mut cases = Vec::new();
    for path in paths(export) {
        let Some(text) = at(export, &path).as_str() else {
            continue;
        };
        if !looks_like_date(text) {
            continue;
        }
        let kind: String = path
            .iter()
            .map(|s| match s {
                Step::Key(k) => k.clone(),
                Step::Index(_) => "[]".into(),
            })
            .collect::<Vec<_>>()
            .join(".");
        if !seen.insert(kind) {
            continue;
        }
        let ends: &[&str] = if text.contains('T') {
            &[
                "-262143-01-01T00:00:00",
                "+262142-12-31T23:59:59",
                "0000-01-01T00:00:00",
                "9999-12-31T23:59:59",
            ]
        } else if text.contains("-W") {
            &["0000-W01", "9999-W52", "-0001-W01", "10000-W01"]
        } else if text.contains("-Q") {
            &["0000-Q1", "9999-Q4", "-0001-Q1", "10000-Q1"]
        } else if text.len() == 7 {
            &["0000-01", "9999-12", "-0001-01", "10000-01"]
        } else {
            &["-262143-01-01", "+262142-12-31", "0000-01-01", "9999-12-31"]
        };
        for end in ends {
            let mut doc = export.clone();
            *at_mut(&mut doc, &path) = json!(end);
            cases.push((
                serde_json::to_vec_pretty(&doc).unwrap(),
                format!("{} = {end:?}", show(&path)),
            ));
        }
    }
    cases
}
