//! The memory of a window's processes, as `make measure` reads it from /proc: each process's
//! proportional set size (PSS), and its "own" size, the same sum with each page shared only
//! among the measured processes. PSS divides a library's pages among every process on the
//! machine that maps them, so another WebKit program running beside (a test of another
//! checkout) lowers it by tens of MiB; the own size is what the processes cost on a machine
//! where they run alone.

use std::collections::HashMap;
use std::fs::{self, File};
use std::os::unix::fs::FileExt;

/// One process's memory.
pub struct ProcessMemory {
    pub name: String,
    /// Proportional set size in KiB.
    pub pss_kib: u64,
    /// Resident pages in KiB, each divided among the measured processes that map it; `None`
    /// when page frame numbers cannot be read (they need CAP_SYS_ADMIN).
    pub own_kib: Option<u64>,
}

/// A process's proportional set size in KiB (0 when it is gone).
pub fn pss_kib(pid: u32) -> u64 {
    fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|text| field_kib(&text, "Pss:"))
        .unwrap_or(0)
}

fn field_kib(text: &str, field: &str) -> Option<u64> {
    text.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kib| kib.parse().ok())
}

/// The name of a process.
fn name_of(pid: u32) -> String {
    fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|n| n.trim().to_string())
        .unwrap_or_default()
}

/// The address ranges of `pid` that have resident pages, from its smaps.
fn resident_ranges(smaps: &str) -> Vec<(u64, u64)> {
    let mut ranges = Vec::new();
    let mut current = None;
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if let Some((start, end)) = first.split_once('-') {
            if let (Ok(start), Ok(end)) =
                (u64::from_str_radix(start, 16), u64::from_str_radix(end, 16))
            {
                current = Some((start, end));
                continue;
            }
        }
        if line.starts_with("Rss:") && field_kib(line, "Rss:").unwrap_or(0) > 0 {
            ranges.extend(current.take());
        }
    }
    ranges
}

/// The page frame numbers of `pid`'s resident pages; `None` when they cannot be read.
fn frames(pid: u32, page: u64) -> Option<Vec<u64>> {
    let smaps = fs::read_to_string(format!("/proc/{pid}/smaps")).ok()?;
    let pagemap = File::open(format!("/proc/{pid}/pagemap")).ok()?;
    let mut found = Vec::new();
    let mut hidden = false;
    for (start, end) in resident_ranges(&smaps) {
        let mut entries = vec![0u8; ((end - start) / page * 8) as usize];
        if pagemap
            .read_exact_at(&mut entries, start / page * 8)
            .is_err()
        {
            continue;
        }
        for entry in entries.chunks_exact(8) {
            let entry = u64::from_le_bytes(entry.try_into().expect("8 bytes"));
            if entry >> 63 == 1 {
                let frame = entry & ((1 << 55) - 1);
                hidden |= frame == 0;
                found.push(frame);
            }
        }
    }
    (!hidden).then_some(found)
}

/// The memory of each of `pids`, the pages they share divided among them only.
pub fn of_processes(pids: &[u32]) -> Vec<ProcessMemory> {
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as u64;
    let frames: Vec<Option<Vec<u64>>> = pids.iter().map(|&pid| frames(pid, page)).collect();
    let readable = frames.iter().all(Option::is_some);
    let mut mappers: HashMap<u64, u32> = HashMap::new();
    for frame in frames.iter().flatten().flatten() {
        *mappers.entry(*frame).or_default() += 1;
    }
    pids.iter()
        .zip(&frames)
        .map(|(&pid, frames)| {
            let own = frames.as_ref().filter(|_| readable).map(|frames| {
                let bytes: f64 = frames
                    .iter()
                    .map(|frame| page as f64 / f64::from(mappers[frame]))
                    .sum();
                (bytes / 1024.0).round() as u64
            });
            ProcessMemory {
                name: name_of(pid),
                pss_kib: pss_kib(pid),
                own_kib: own,
            }
        })
        .filter(|m| m.pss_kib > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_ranges_are_the_mappings_with_resident_pages() {
        let smaps = "\
55d0c0000000-55d0c0002000 r--p 00000000 08:01 1 /usr/bin/x
Size:                  8 kB
Rss:                   4 kB
Pss:                   4 kB
7f0000000000-7f0000100000 rw-p 00000000 00:00 0
Size:               1024 kB
Rss:                   0 kB
7f0000200000-7f0000204000 rw-p 00000000 00:00 0 [heap]
Rss:                  16 kB
";
        assert_eq!(
            resident_ranges(smaps),
            vec![
                (0x55d0c0000000, 0x55d0c0002000),
                (0x7f0000200000, 0x7f0000204000)
            ]
        );
    }

    #[test]
    fn a_process_alone_owns_at_least_what_it_maps_privately() {
        let pid = std::process::id();
        let read = of_processes(&[pid]);
        assert_eq!(read.len(), 1);
        assert!(read[0].pss_kib > 0);
        if let Some(own) = read[0].own_kib {
            let rollup = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap();
            let private = field_kib(&rollup, "Private_Dirty:").unwrap();
            // A MiB of slack: the test's own threads allocate between the two reads.
            assert!(
                own + 1024 >= private,
                "own {own} KiB, private dirty {private} KiB"
            );
        }
    }
}
