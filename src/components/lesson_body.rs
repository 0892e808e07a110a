//! A lesson's explanation, rendered from its Markdown. Its own component so that it renders
//! only when the lesson or the language changes — not at every keystroke in the editor.

use crate::i18n::Lang;
use crate::markdown;
use podsim::lessons::Lesson;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct LessonBodyProps {
    pub lesson: Rc<Lesson>,
    pub lang: Lang,
}

impl PartialEq for LessonBodyProps {
    fn eq(&self, other: &Self) -> bool {
        // Lessons are parsed once and shared: the same lesson is the same Rc.
        Rc::ptr_eq(&self.lesson, &other.lesson) && self.lang == other.lang
    }
}

#[component]
pub fn LessonBody(props: &LessonBodyProps) -> Html {
    html! {
        <div class="lesson-body">{ markdown::render(props.lesson.body.get(props.lang.code())) }</div>
    }
}
