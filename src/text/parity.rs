//! English and Russian say the same things: every template has the same placeholders (`{}`, in the
//! same number, in each of its strings) in both languages. Read from the sources of the word tables,
//! so that a field added to one language only, or a `{}` dropped in translation, fails here.

/// The `{}` count of every string of every field, by field name, in the struct literal that
/// starts at `start` in `source` (a word table: `name: "…"`, `name: ["…", "…"]`, one field a line;
/// its domains' tables within it).
fn placeholders(source: &str, start: &str) -> Vec<(String, Vec<usize>)> {
    let body = &source[source.find(start).unwrap_or_else(|| panic!("{start} not found"))..];
    let body = &body[..body.find("\n};").expect("the table ends")];
    let mut fields: Vec<(String, Vec<usize>)> = Vec::new();
    // The domain table a field is in (`form: FormText {` … `},`): its fields are named `form.run`,
    // so two domains may each have a `ready`.
    let mut domain: Option<String> = None;
    for line in body.lines().skip(1) {
        if line == "    }," {
            domain = None;
        }
        // A field starts a line at the table's indentation or its domain's (`form: FormText {`).
        let field = ["        ", "    "]
            .iter()
            .find_map(|indent| line.strip_prefix(indent).map(|l| (indent.len(), l)))
            .filter(|(_, l)| !l.starts_with(' '))
            .and_then(|(indent, l)| l.split_once(':').map(|(name, rest)| (indent, name, rest)));
        if let Some((indent, name, rest)) = field.filter(|(_, n, _)| n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')) {
            let qualified = match (&domain, indent) {
                (Some(domain), 8) => format!("{domain}.{name}"),
                _ => name.to_string(),
            };
            if indent == 4 && rest.trim_end().ends_with('{') {
                domain = Some(name.to_string());
            }
            fields.push((qualified, Vec::new()));
        }
        if let Some((_, counts)) = fields.last_mut() {
            counts.extend(strings(line).map(|s| s.matches("{}").count()));
        }
    }
    fields
}

/// The string literals on a line (a literal continued on the next line counts where it starts).
fn strings(line: &str) -> impl Iterator<Item = &str> {
    line.split('"').skip(1).step_by(2)
}

/// Fields that are not templates: the Python presets' words, replaced in Russian only.
const NOT_TEMPLATES: [&str; 1] = ["program_words"];

fn assert_parity(en: Vec<(String, Vec<usize>)>, ru: Vec<(String, Vec<usize>)>) {
    let templates = |t: Vec<(String, Vec<usize>)>| t.into_iter().filter(|(n, _)| !NOT_TEMPLATES.contains(&n.as_str())).collect::<Vec<_>>();
    let (en, ru) = (templates(en), templates(ru));
    assert!(en.len() > 20, "the tables were read ({} fields)", en.len());
    let names = |t: &[(String, Vec<usize>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    let mut a = names(&en);
    let mut b = names(&ru);
    a.sort();
    b.sort();
    assert_eq!(a, b, "both languages have the same fields");
    for (name, counts) in &en {
        let other = &ru.iter().find(|(n, _)| n == name).expect("the field in Russian").1;
        assert_eq!(counts, other, "{name}: the placeholders of English and Russian differ");
    }
}

#[test]
fn the_labs_templates_have_the_same_placeholders_in_both_languages() {
    assert_parity(placeholders(include_str!("en.rs"), "pub static EN"), placeholders(include_str!("ru.rs"), "pub static RU"));
}

#[test]
fn the_python_panels_templates_have_the_same_placeholders_in_both_languages() {
    let source = include_str!("python.rs");
    assert_parity(placeholders(source, "pub const PY_EN"), placeholders(source, "pub const PY_RU"));
}
