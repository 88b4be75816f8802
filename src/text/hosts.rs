//! Host names written in text (`y1fwzx.example.gov.cn` in `<http://…/>、…`), for the URL rules.

use std::ops::Range;

/// Host names in a text, with their byte ranges.
pub fn find_hosts(value: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let is_host_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
        if !is_host_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_host_byte(bytes[i]) {
            i += 1;
        }
        let run = value[start..i].trim_matches(|c| c == '.' || c == '-');
        let offset = start + value[start..i].find(run).unwrap_or(0);
        let labels: Vec<&str> = run.split('.').collect();
        let tld = labels.last().copied().unwrap_or_default();
        let is_host = labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && (2..=6).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_alphabetic())
            && labels
                .iter()
                .any(|l| l.chars().any(|c| c.is_ascii_alphabetic()));
        if is_host {
            out.push((offset..offset + run.len(), run));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_found_with_their_ranges() {
        let v = "<http://y1fwzx.example.gov.cn/>、某省智慧医保";
        let h = find_hosts(v);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].1, "y1fwzx.example.gov.cn");
        assert_eq!(&v[h[0].0.clone()], "y1fwzx.example.gov.cn");
        assert!(find_hosts("不超过1.5个").is_empty());
    }
}
