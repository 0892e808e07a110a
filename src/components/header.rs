//! The page header: the name, navigation (lessons, sandbox), language and theme switches, and
//! the share-link button. Its links are plain fragments: `navigation` gives them history
//! entries.

use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, Origin, Page};
use crate::storage::Theme;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// "한국어" as NanumGothic draws it (SIL Open Font License 1.1), made into one path by
/// scripts/text_to_svg_path.py: (viewBox, path). As text, the label would make the browser
/// search every installed font for Hangul at the first layout wherever none is installed
/// (and then show empty boxes); as a path it looks the same everywhere and costs nothing.
const KOREAN_LABEL: (&str, &str) = (
    "0 0 2820 1150",
    "M545 581Q545 617 529 649Q513 681 486 705Q458 729 420 742Q382 756 338 756Q294 756 256 742Q218 729 190 705Q163 681 148 649Q132 617 132 581Q132 545 148 514Q163 482 190 458Q218 435 256 422Q294 408 338 408Q382 408 420 422Q458 435 486 458Q513 482 529 514Q545 545 545 581ZM756 849H715Q701 849 701 835V152Q701 138 715 138H756Q770 138 770 152V483H908Q914 483 918 486Q923 490 923 496V530Q923 535 918 539Q914 543 908 543H770V835Q770 849 756 849ZM477 581Q477 557 466 536Q456 516 438 501Q419 486 394 478Q368 469 338 469Q308 469 283 478Q258 486 239 501Q220 516 210 536Q199 557 199 581Q199 605 210 626Q220 647 239 662Q258 677 283 686Q308 695 338 695Q368 695 394 686Q419 677 438 662Q456 647 466 626Q477 605 477 581ZM800 1045H284Q237 1045 222 1028Q208 1010 208 969V831Q208 817 222 817H263Q277 817 277 831V965Q277 979 282 982Q286 985 300 985H800Q805 985 810 988Q815 992 815 997V1033Q815 1039 810 1042Q805 1045 800 1045ZM614 360H62Q57 360 52 356Q48 352 48 346V314Q48 308 52 304Q57 300 62 300H614Q629 300 629 313V347Q629 360 614 360ZM468 224H194Q189 224 184 221Q180 218 180 212V177Q180 171 184 167Q188 163 193 163H468Q483 163 483 177V211Q483 224 468 224ZM1644 244Q1644 229 1639 224Q1634 218 1620 218H1118Q1105 218 1105 205V171Q1105 158 1118 158H1635Q1682 158 1697 174Q1712 191 1712 234Q1712 264 1710 298Q1707 333 1703 368Q1699 402 1694 436Q1688 470 1681 498H1835Q1840 498 1845 502Q1850 505 1850 511V545Q1850 550 1845 554Q1840 558 1835 558H1443V751H1635Q1682 751 1696 768Q1711 786 1711 827V1056Q1711 1070 1697 1070H1656Q1642 1070 1642 1056V832Q1642 818 1638 814Q1633 811 1619 811H1107Q1102 811 1097 808Q1092 804 1092 799V763Q1092 757 1097 754Q1102 751 1107 751H1374V558H985Q979 558 974 554Q970 550 970 545V511Q970 505 974 502Q979 498 985 498H1618Q1624 469 1629 436Q1634 404 1638 370Q1641 337 1642 305Q1644 273 1644 244ZM2671 1060H2630Q2616 1060 2616 1046V548H2437Q2434 601 2418 653Q2403 705 2374 746Q2345 788 2302 814Q2258 840 2198 840Q2132 840 2086 811Q2041 782 2014 736Q1986 689 1974 632Q1962 575 1962 519Q1962 460 1974 402Q1986 345 2014 299Q2041 253 2086 225Q2132 197 2198 197Q2258 197 2302 222Q2345 246 2374 287Q2403 328 2418 380Q2434 433 2437 488H2616V152Q2616 138 2630 138H2671Q2685 138 2685 152V1046Q2685 1060 2671 1060ZM2367 518Q2367 473 2358 427Q2348 381 2328 344Q2308 307 2276 284Q2244 261 2198 261Q2150 261 2118 284Q2087 307 2068 344Q2049 381 2041 427Q2033 473 2033 518Q2033 561 2040 607Q2048 653 2067 690Q2086 728 2118 752Q2150 776 2198 776Q2244 776 2276 752Q2308 728 2328 690Q2348 653 2358 607Q2367 561 2367 518Z",
);

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub page: Page,
    pub theme: Theme,
    pub dispatch: Dispatch,
    /// Copy a share link of the document on screen.
    pub on_share: Callback<()>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let on_lang = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::SetLang(lang.other())))
    };
    let on_theme = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let theme = match v.as_str() {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => Theme::System,
            };
            dispatch.dispatch(Action::SetTheme(theme));
        })
    };
    let on_share = props.on_share.reform(|_: MouseEvent| ());
    let current = |p: &Page| {
        let here = match (&props.page, p) {
            (Page::Lesson(..), Page::Home) => true,
            (Page::Sandbox(_), Page::Sandbox(_)) => true,
            (a, b) => a == b,
        };
        here.then_some("page")
    };
    let theme_value = match props.theme {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let sandbox = Page::Sandbox(Origin::Own);
    html! {
        <header class="app-header">
            <a class="brand" href={Page::Home.route()}>{"podlab"}</a>
            <p class="tagline">{t(lang, "tagline")}</p>
            <nav class="main-nav" aria-label={t(lang, "nav.main")}>
                <a href={Page::Home.route()} aria-current={current(&Page::Home)}
                   data-testid="nav-lessons">{t(lang, "lessons")}</a>
                <a href={sandbox.route()} aria-current={current(&sandbox)}
                   data-testid="nav-sandbox">{t(lang, "sandbox")}</a>
            </nav>
            <div class="header-tools">
                if props.page != Page::Home {
                    <button type="button" class="share" onclick={on_share} data-testid="share">{t(lang, "share")}</button>
                }
                <button type="button" class="lang" onclick={on_lang} data-testid="lang-switch"
                        aria-label={format!("{} ({})", lang.other().native_name(), t(lang, "language"))}>
                    { match lang {
                        // Drawn, not typeset: no Hangul font needed (see KOREAN_LABEL).
                        Lang::En => html! {
                            <svg class="glyphs" viewBox={KOREAN_LABEL.0} aria-hidden="true" focusable="false">
                                <path d={KOREAN_LABEL.1} />
                            </svg>
                        },
                        Lang::Ko => html! { {"English"} },
                    } }
                </button>
                <label class="theme">
                    <span class="visually-hidden">{t(lang, "theme")}</span>
                    <select onchange={on_theme} data-testid="theme" aria-label={t(lang, "theme")}>
                        <option value="system" selected={theme_value == "system"}>{t(lang, "theme.system")}</option>
                        <option value="light" selected={theme_value == "light"}>{t(lang, "theme.light")}</option>
                        <option value="dark" selected={theme_value == "dark"}>{t(lang, "theme.dark")}</option>
                    </select>
                </label>
            </div>
        </header>
    }
}
