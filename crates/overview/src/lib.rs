//! `acta overview`: one self-contained HTML page over acta's tables — no CDN, no external script,
//! style or font. Charts are inline SVG drawn here, each with a title, axis labels and a data table
//! for screen readers; the speakers table filters with a few lines of inline JavaScript.
//!
//! Every number on the page is a count from the database, and each chart's table carries the same
//! numbers as its bars (`make test-browser` checks them against the CSV files in a real browser).

use std::collections::HashMap;
use std::fmt::Write as _;

use rusqlite::Connection;

const COUNTRIES: &str = include_str!("../../../models/countries.tsv");

/// Reports over time are shown by month up to this many months, by year beyond.
pub const MAX_MONTHS: i64 = 36;

/// A chart: (label, value) bars under a title, with axis labels.
struct Chart<'a> {
    id: &'a str,
    title: &'a str,
    /// What the bars count (the value axis).
    value_axis: &'a str,
    /// What the rows are (the category axis).
    category_axis: &'a str,
    bars: Vec<(String, i64)>,
    /// A sentence under the chart (e.g. how many values were unknown).
    note: Option<String>,
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A label cut to fit the label column, with an ellipsis; the full text stays in a tooltip.
fn short(label: &str, max_chars: usize) -> String {
    if label.chars().count() <= max_chars {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(max_chars - 1).collect::<String>())
    }
}

impl Chart<'_> {
    fn render(&self, out: &mut String) {
        const WIDTH: i64 = 720;
        const LABEL_W: i64 = 250;
        const BAR_H: i64 = 22;
        const TOP: i64 = 26;
        const AXIS_H: i64 = 44;
        let plot_w = WIDTH - LABEL_W - 60;
        let max = self.bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
        let height = TOP + BAR_H * self.bars.len().max(1) as i64 + AXIS_H;
        let _ = write!(
            out,
            "<section class=\"chart\" id=\"{id}\" aria-labelledby=\"{id}-title\">\n<h2 id=\"{id}-title\">{title}</h2>\n",
            id = self.id,
            title = escape(self.title)
        );
        let _ = writeln!(
            out,
            "<svg role=\"img\" aria-labelledby=\"{id}-title\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" xmlns=\"http://www.w3.org/2000/svg\">",
            id = self.id
        );
        if self.bars.is_empty() {
            let _ = writeln!(out, "<text x=\"{LABEL_W}\" y=\"{}\" class=\"empty\">no data</text>", TOP + 16);
        }
        for (i, (label, value)) in self.bars.iter().enumerate() {
            let y = TOP + BAR_H * i as i64;
            let w = (plot_w as f64 * *value as f64 / max as f64).round() as i64;
            let _ = writeln!(
                out,
                "<g class=\"bar\" data-label=\"{l}\" data-value=\"{value}\"><title>{l}: {value}</title>\
                 <text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\" class=\"label\">{s}</text>\
                 <rect x=\"{LABEL_W}\" y=\"{ry}\" width=\"{w}\" height=\"{rh}\"></rect>\
                 <text x=\"{vx}\" y=\"{ty}\" class=\"value\">{value}</text></g>",
                l = escape(label),
                s = escape(&short(label, 34)),
                lx = LABEL_W - 8,
                ty = y + 15,
                ry = y + 3,
                rh = BAR_H - 6,
                vx = LABEL_W + w + 6,
            );
        }
        // Value axis: a line, ticks at 0, half and the maximum, and its label; category axis label.
        let axis_y = TOP + BAR_H * self.bars.len().max(1) as i64 + 4;
        let _ = writeln!(
            out,
            "<line x1=\"{LABEL_W}\" y1=\"{axis_y}\" x2=\"{x2}\" y2=\"{axis_y}\" class=\"axis\"></line>",
            x2 = LABEL_W + plot_w
        );
        for tick in [0, max / 2, max] {
            let x = LABEL_W + (plot_w as f64 * tick as f64 / max as f64).round() as i64;
            let _ = writeln!(
                out,
                "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" class=\"tick\">{tick}</text>",
                axis_y + 14
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis-label\">{}</text>",
            LABEL_W + plot_w / 2,
            axis_y + 34,
            escape(self.value_axis)
        );
        // Category axis: its label heads the column of bar labels.
        let _ = writeln!(
            out,
            "<text x=\"8\" y=\"14\" class=\"axis-label\">{}</text>",
            escape(&short(self.category_axis, 40))
        );
        out.push_str("</svg>\n");
        if let Some(note) = &self.note {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
        }
        let _ = writeln!(
            out,
            "<details><summary>Data table</summary><table class=\"data\" data-chart=\"{id}\"><caption>{title}</caption>\
             <thead><tr><th scope=\"col\">{c}</th><th scope=\"col\">{v}</th></tr></thead><tbody>",
            id = self.id,
            title = escape(self.title),
            c = escape(self.category_axis),
            v = escape(self.value_axis)
        );
        for (label, value) in &self.bars {
            let _ = writeln!(out, "<tr><th scope=\"row\">{}</th><td>{value}</td></tr>", escape(label));
        }
        out.push_str("</tbody></table></details>\n</section>\n");
    }
}

fn bars(db: &Connection, sql: &str) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut statement = db.prepare(sql)?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, Option<String>>(0)?.unwrap_or_default(), r.get(1)?)))?;
    rows.collect()
}

fn one(db: &Connection, sql: &str) -> rusqlite::Result<i64> {
    db.query_row(sql, [], |r| r.get(0))
}

/// English country names by ISO code, from the bundled CLDR list.
fn country_names() -> HashMap<&'static str, &'static str> {
    let mut names = HashMap::new();
    for line in COUNTRIES.lines().filter(|l| !l.starts_with('#')) {
        let mut cells = line.split('\t');
        if let (Some(code), Some("en"), Some(name)) = (cells.next(), cells.next(), cells.next()) {
            names.entry(code).or_insert(name);
        }
    }
    names
}

/// Renders the overview page of an acta database.
pub fn render(db: &Connection, title: &str) -> rusqlite::Result<String> {
    let reports = one(db, "SELECT count(*) FROM reports")?;
    let speakers = one(db, "SELECT count(*) FROM speakers")?;
    let errors = one(db, "SELECT count(*) FROM errors")?;
    let names = country_names();
    let mut charts = Vec::new();

    charts.push(Chart {
        id: "reports-by-language",
        title: "Reports by language",
        value_axis: "reports",
        category_axis: "language (ISO 639-1)",
        bars: bars(db, "SELECT coalesce(language, 'unknown'), count(*) FROM reports GROUP BY 1 ORDER BY 2 DESC, 1")?,
        note: None,
    });
    let undated = one(db, "SELECT count(*) FROM reports WHERE date IS NULL OR length(date) < 7")?;
    // By month while that makes at most three years of bars; by year beyond.
    let months = one(db, "SELECT count(DISTINCT substr(date, 1, 7)) FROM reports WHERE length(date) >= 7")?;
    let (period, period_chars) = if months > MAX_MONTHS { ("year", 4) } else { ("month", 7) };
    charts.push(Chart {
        id: "reports-over-time",
        title: "Reports over time",
        value_axis: "reports",
        category_axis: if period == "year" { "year of the session" } else { "month of the session" },
        bars: bars(
            db,
            &format!(
                "SELECT substr(date, 1, {period_chars}), count(*) FROM reports WHERE length(date) >= 7 GROUP BY 1 ORDER BY 1"
            ),
        )?,
        note: Some(format!("{undated} reports give no date and are not shown.")),
    });
    let mut by_country = bars(
        db,
        "SELECT country, count(*) FROM speakers WHERE country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 25",
    )?;
    for (code, _) in &mut by_country {
        if let Some(name) = names.get(code.as_str()) {
            *code = format!("{code} {name}");
        }
    }
    let no_country = one(db, "SELECT count(*) FROM speakers WHERE country IS NULL")?;
    charts.push(Chart {
        id: "speakers-by-country",
        title: "Speakers by country (the 25 most frequent)",
        value_axis: "speakers",
        category_axis: "country",
        bars: by_country,
        note: Some(format!("{no_country} speakers have no country in their report.")),
    });
    charts.push(Chart {
        id: "stakeholder-groups",
        title: "Speakers by stakeholder group",
        value_axis: "speakers",
        category_axis: "stakeholder group",
        bars: bars(
            db,
            "SELECT coalesce(replace(stakeholder_group, '_', ' '), 'unknown'), count(*) FROM speakers GROUP BY 1 ORDER BY 2 DESC, 1",
        )?,
        note: None,
    });
    // Panels: reports with speakers, by the share of women among the speakers whose honorific or
    // title states a gender. Unknown genders are counted, never guessed.
    let counted: HashMap<String, i64> = bars(
        db,
        "WITH p AS (SELECT report_id, sum(gender = 'female') AS women, sum(gender IS NOT NULL) AS known FROM speakers GROUP BY report_id)
         SELECT CASE WHEN known = 0 THEN '6 no gender stated'
                     WHEN women = 0 THEN '1 no women'
                     WHEN women * 3 < known THEN '2 under a third'
                     WHEN women * 3 < known * 2 THEN '3 a third to two thirds'
                     WHEN women < known THEN '4 over two thirds'
                     ELSE '5 only women' END AS bucket, count(*)
         FROM p GROUP BY bucket ORDER BY bucket",
    )?
    .into_iter()
    .collect();
    // Every bucket is shown, empty ones too, in a fixed order.
    let panels = [
        "1 no women",
        "2 under a third",
        "3 a third to two thirds",
        "4 over two thirds",
        "5 only women",
        "6 no gender stated",
    ]
    .iter()
    .map(|bucket| (bucket[2..].to_string(), counted.get(*bucket).copied().unwrap_or(0)))
    .collect();
    let unknown_gender = one(db, "SELECT count(*) FROM speakers WHERE gender IS NULL")?;
    charts.push(Chart {
        id: "panels-by-share-of-women",
        title: "Panels by share of women speakers",
        value_axis: "panels (reports with speakers)",
        category_axis: "women among speakers of known gender",
        bars: panels,
        note: Some(format!(
            "Gender is taken only from an honorific or title that states it (Sra., Mme, Ms., Director/Directora...). \
             {unknown_gender} of {speakers} speakers have no stated gender and are counted as unknown, not guessed."
        )),
    });
    for (id, title, kind) in [
        ("top-ministries", "Most frequent ministries and government bodies", "ministry"),
        ("top-organizations", "Most frequent organisations", "organization"),
    ] {
        charts.push(Chart {
            id,
            title,
            value_axis: "reports naming it",
            category_axis: if kind == "ministry" { "ministry or government body" } else { "organisation" },
            bars: bars(
                db,
                &format!(
                    "SELECT canonical, count(DISTINCT report_id) FROM entities WHERE kind = '{kind}' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15"
                ),
            )?,
            note: None,
        });
    }

    let mut html = String::with_capacity(64 * 1024);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n\
         <title>{t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header><h1>{t}</h1>\n\
         <p class=\"totals\"><span id=\"total-reports\" data-value=\"{reports}\">{reports} reports</span> · \
         <span id=\"total-speakers\" data-value=\"{speakers}\">{speakers} speakers</span> · \
         <span id=\"total-errors\" data-value=\"{errors}\">{errors} reports that could not be read</span></p></header>\n<main>\n",
        t = escape(title)
    );
    for chart in &charts {
        chart.render(&mut html);
    }
    speakers_table(db, &mut html)?;
    html.push_str("</main>\n<script>");
    html.push_str(SCRIPT);
    html.push_str("</script>\n</body>\n</html>\n");
    Ok(html)
}

fn speakers_table(db: &Connection, html: &mut String) -> rusqlite::Result<()> {
    html.push_str(
        "<section id=\"speakers\" aria-labelledby=\"speakers-title\"><h2 id=\"speakers-title\">Speakers</h2>\n\
         <label>Filter: <input id=\"speaker-filter\" type=\"search\" placeholder=\"name, organisation, country...\"></label> \
         <span id=\"speaker-count\"></span>\n<table id=\"speaker-table\"><thead><tr><th scope=\"col\">Name</th>\
         <th scope=\"col\">Role</th><th scope=\"col\">Organisation</th><th scope=\"col\">Country</th>\
         <th scope=\"col\">Session roles</th><th scope=\"col\">Report</th></tr></thead><tbody>\n",
    );
    let mut statement = db.prepare(
        "SELECT s.name, s.role, s.organization, s.country, s.session_roles, coalesce(r.title, r.id)
         FROM speakers s JOIN reports r ON r.id = s.report_id ORDER BY r.id, s.speaker",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        html.push_str("<tr>");
        for i in 0..6 {
            let cell: Option<String> = row.get(i)?;
            let _ = write!(html, "<td>{}</td>", escape(cell.as_deref().unwrap_or("")));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody></table></section>\n");
    Ok(())
}

const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1d2330;background:#fff}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.15rem;margin:0 0 .4rem}
.totals{color:#4a5263}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(740px,1fr));gap:1.2rem}
section{border:1px solid #dde2ea;border-radius:6px;padding:.8rem 1rem;overflow-x:auto}
#speakers{grid-column:1/-1}
svg .bar rect{fill:#2f6db5}svg .bar:hover rect{fill:#1d4f8c}
svg text{font-size:12px;fill:#1d2330}svg .value{fill:#1d2330;font-weight:600}svg .tick{fill:#4a5263;font-size:11px}
svg .axis{stroke:#8a93a3}svg .axis-label{font-size:12px;fill:#4a5263}svg .empty{fill:#8a93a3}
.note{color:#4a5263;font-size:.85rem;margin:.2rem 0}
details{font-size:.85rem}table{border-collapse:collapse}td,th{border-bottom:1px solid #e6e9ef;padding:.2rem .5rem;text-align:left}
#speaker-table{width:100%;font-size:.85rem;margin-top:.5rem}#speaker-filter{padding:.3rem;width:18rem}
";

const SCRIPT: &str = "
(function () {
  var input = document.getElementById('speaker-filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#speaker-table tbody tr'));
  var count = document.getElementById('speaker-count');
  function update() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' speakers';
    count.setAttribute('data-shown', shown);
  }
  input.addEventListener('input', update);
  // A link may carry a filter: overview.html#filter=brazil
  var m = /^#filter=(.*)$/.exec(location.hash);
  if (m) input.value = decodeURIComponent(m[1]);
  update();
})();
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_cut_to_fit() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(short("Ministerio de Tecnologías de la Información y las Comunicaciones", 20).chars().count(), 20);
        assert_eq!(short("Brasil", 20), "Brasil");
    }

    #[test]
    fn an_empty_database_renders_every_chart() {
        let db = acta_sqlite::Database::open_in_memory().unwrap();
        let html = render(db.connection(), "acta overview").unwrap();
        for id in [
            "reports-by-language",
            "reports-over-time",
            "speakers-by-country",
            "stakeholder-groups",
            "panels-by-share-of-women",
            "top-ministries",
            "top-organizations",
        ] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
        }
        let svg_namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
        assert_eq!(html.matches("http").count(), svg_namespaces, "no address but the SVG namespace");
        assert!(!html.contains("<script src") && !html.contains("<link"), "nothing external");
    }
}
