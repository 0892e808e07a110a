//! The lesson region: what the learner reads before editing.

use yew::prelude::*;

#[component]
pub fn LessonPane() -> Html {
    html! {
        <section class="region lesson" aria-labelledby="lesson-title">
            <h2 id="lesson-title">{"Your first Pod"}</h2>
            <p>
                {"A Pod is the smallest thing Kubernetes runs: one or more containers that share \
                  one IP address. Edit the manifest on the right; podlab reads it the way the \
                  Kubernetes API server does."}
            </p>
            <ul>
                <li><code>{"metadata.name"}</code>{" names the Pod."}</li>
                <li><code>{"metadata.labels"}</code>{" tag it so other objects can find it."}</li>
                <li><code>{"spec.containers[].image"}</code>{" is the image each container runs."}</li>
                <li><code>{"ports[].containerPort"}</code>{" is the port the container listens on."}</li>
            </ul>
        </section>
    }
}
