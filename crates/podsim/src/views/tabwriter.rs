//! Go's text/tabwriter, which kubectl prints through: cells end at a tab, and a column is as
//! wide as its widest cell (plus padding) within each block of consecutive lines that have a
//! cell in that column. Reproducing the algorithm reproduces kubectl's exact spacing.

/// Format `text` (lines with tab-terminated cells) like `tabwriter.NewWriter(w, minwidth,
/// tabwidth, padding, ' ', 0)`; the last segment of a line is not a cell and is not padded.
pub fn format(text: &str, minwidth: usize, padding: usize) -> String {
    let lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
    // Drop the empty line after a final newline, remember to restore it.
    let trailing_newline = text.ends_with('\n');
    let lines = if trailing_newline {
        &lines[..lines.len() - 1]
    } else {
        &lines[..]
    };
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut widths = Vec::new();
    format_block(
        lines,
        0,
        lines.len(),
        &mut widths,
        minwidth,
        padding,
        &mut out,
    );
    if !trailing_newline && out.ends_with('\n') {
        out.pop();
    }
    out
}

fn cell_width(s: &str) -> usize {
    s.chars().count()
}

fn format_block(
    lines: &[Vec<&str>],
    mut line0: usize,
    line1: usize,
    widths: &mut Vec<usize>,
    minwidth: usize,
    padding: usize,
    out: &mut String,
) {
    let column = widths.len();
    let mut this = line0;
    while this < line1 {
        let line = &lines[this];
        if column + 1 >= line.len() {
            this += 1;
            continue;
        }
        write_lines(lines, line0, this, widths, out);
        line0 = this;
        let mut width = minwidth;
        while this < line1 {
            let line = &lines[this];
            if column + 1 >= line.len() {
                break;
            }
            width = width.max(cell_width(line[column]) + padding);
            this += 1;
        }
        widths.push(width);
        format_block(lines, line0, this, widths, minwidth, padding, out);
        widths.pop();
        line0 = this;
    }
    write_lines(lines, line0, line1, widths, out);
}

fn write_lines(lines: &[Vec<&str>], from: usize, to: usize, widths: &[usize], out: &mut String) {
    for line in &lines[from..to] {
        for (j, cell) in line.iter().enumerate() {
            out.push_str(cell);
            if j + 1 < line.len() {
                if let Some(&w) = widths.get(j) {
                    for _ in cell_width(cell)..w {
                        out.push(' ');
                    }
                }
            }
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubectl_get_spacing() {
        let t = "NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb\t0/1\tContainerCreating\t0\t1s\n";
        assert_eq!(
            format(t, 6, 3),
            "NAME   READY   STATUS              RESTARTS   AGE\nweb    0/1     ContainerCreating   0          1s\n"
        );
    }

    #[test]
    fn blocks_break_on_lines_without_the_column() {
        let t = "Name:\tx\nAnnotations:\t<none>\nIPs:\n  IP:\t1.2.3.4\nControlled By:\ty\n";
        assert_eq!(
            format(t, 0, 2),
            "Name:         x\nAnnotations:  <none>\nIPs:\n  IP:           1.2.3.4\nControlled By:  y\n"
        );
    }

    #[test]
    fn empty_leading_cells_align_continuations() {
        let t = "Tolerations:\ta\n\tb\n";
        assert_eq!(format(t, 0, 2), "Tolerations:  a\n              b\n");
    }
}
