//! A program in a link: `py=` is the program's UTF-8, deflated (raw DEFLATE) and written in
//! base64url without padding, so a link carries a page of Python in a few hundred characters.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// The longest `py=` value a link carries: links past ~8,000 characters break in messengers and
/// some servers; the rest of the link needs room too.
pub const MAX_LINK_CHARS: usize = 6_000;
/// The longest program a link may unpack to (a deflate bomb stops here).
pub const MAX_PROGRAM_BYTES: usize = 200_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Compressed, the program is still this many characters long.
    TooLong { chars: usize },
    /// Not base64url.
    NotBase64,
    /// Not a deflated program, or one past `MAX_PROGRAM_BYTES`.
    NotDeflate,
    /// The program is not UTF-8 text.
    NotText,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn encode(program: &str) -> Result<String, LinkError> {
    let out = base64url(&compress_to_vec(program.as_bytes(), 9));
    if out.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { chars: out.len() });
    }
    Ok(out)
}

pub fn decode(param: &str) -> Result<String, LinkError> {
    if param.len() > MAX_LINK_CHARS * 2 {
        return Err(LinkError::TooLong { chars: param.len() });
    }
    let mut bytes = Vec::with_capacity(param.len() * 3 / 4);
    let (mut n, mut bits) = (0u32, 0u32);
    for c in param.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c).ok_or(LinkError::NotBase64)? as u32;
        n = n << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((n >> bits & 0xff) as u8);
        }
    }
    let program = decompress_to_vec_with_limit(&bytes, MAX_PROGRAM_BYTES).map_err(|_| LinkError::NotDeflate)?;
    String::from_utf8(program).map_err(|_| LinkError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_comes_back_from_its_link_exactly() {
        for program in [
            "",
            "x",
            "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.3)\n\nasyncio.run(main())\n",
            "print('привет, мир')  # ё\t\n",
        ] {
            let link = encode(program).unwrap();
            assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{link}");
            assert_eq!(decode(&link).unwrap(), program);
        }
    }

    #[test]
    fn a_typical_program_is_short_in_a_link() {
        let program = "import asyncio\nimport time\n\nasync def fetch(i, ms):\n    await asyncio.sleep(ms / 1000)\n    return ms\n\n\
            async def main():\n    start = time.perf_counter()\n    await asyncio.gather(*(fetch(i, ms) for i, ms in enumerate(LATENCIES)))\n\
            print(time.perf_counter() - start)\n\nasyncio.run(main())\n";
        assert!(encode(program).unwrap().len() < program.len());
    }

    #[test]
    fn a_program_too_long_for_a_link_says_how_long() {
        // Text that does not compress: a pseudo-random walk over letters.
        let mut x = 12345u32;
        let program: String = (0..20_000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (b'a' + (x >> 16) as u8 % 26) as char
            })
            .collect();
        assert!(matches!(encode(&program), Err(LinkError::TooLong { chars }) if chars > MAX_LINK_CHARS));
    }

    #[test]
    fn malformed_links_are_errors_never_panics() {
        assert_eq!(decode("ab+c"), Err(LinkError::NotBase64));
        assert_eq!(decode("ü"), Err(LinkError::NotBase64));
        assert_eq!(decode("AAAA"), Err(LinkError::NotDeflate));
        assert_eq!(decode(&"A".repeat(MAX_LINK_CHARS * 3)), Err(LinkError::TooLong { chars: MAX_LINK_CHARS * 3 }));
        assert_eq!(decode(&base64url(&compress_to_vec(&[0xff, 0xfe], 9))), Err(LinkError::NotText));
        // A deflate bomb: a megabyte of spaces stops at the limit.
        let bomb = base64url(&compress_to_vec(" ".repeat(1_000_000).as_bytes(), 9));
        assert!(bomb.len() < MAX_LINK_CHARS);
        assert_eq!(decode(&bomb), Err(LinkError::NotDeflate));
    }
}
