//! The floor app: a Yew page whose text area is parsed as YAML with spans (serde-saphyr), the
//! parsed command as a shell script and a word (brush-parser), and the result shown. It does
//! what podlab needs of each component, once, so that the linker keeps what podlab keeps of
//! them, and nothing of podlab's own.

use serde_saphyr::Spanned;
use yew::prelude::*;

#[derive(serde::Deserialize)]
struct Doc {
    name: Spanned<String>,
    command: Vec<Spanned<String>>,
}

fn analyze(text: &str) -> String {
    let doc = match serde_saphyr::from_str::<Doc>(text) {
        Ok(doc) => doc,
        Err(e) => return e.to_string(),
    };
    let script: Vec<&str> = doc.command.iter().map(|c| c.value.as_str()).collect();
    let script = script.join(" ");
    let options = brush_parser::ParserOptions {
        sh_mode: true,
        ..Default::default()
    };
    let mut reader = std::io::Cursor::new(script.as_bytes());
    let mut parser = brush_parser::Parser::new(&mut reader, &options);
    match parser.parse_program() {
        Err(e) => e.to_string(),
        Ok(program) => {
            let pieces = brush_parser::word::parse(&doc.name.value, &options)
                .map(|w| w.len())
                .unwrap_or(0);
            format!(
                "{} commands; name at {:?}, {pieces} pieces",
                program.complete_commands.len(),
                doc.name.referenced
            )
        }
    }
}

#[function_component]
fn Floor() -> Html {
    let text = use_state(|| String::from("name: a\ncommand: [sh, -c, 'echo hi && sleep 1']\n"));
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    html! {
        <main>
            <textarea value={(*text).clone()} {oninput} />
            <pre data-testid="floor-result">{analyze(&text)}</pre>
        </main>
    }
}

fn main() {
    yew::Renderer::<Floor>::new().render();
}
