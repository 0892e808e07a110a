//! The app's own words in English and Korean (lesson texts live in the lesson files).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ko,
            Lang::Ko => Lang::En,
        }
    }
    /// The language's name in itself, as a language switch names it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }
}

/// A container's role (`app`, `init`, `sidecar`, as the engine names it) in `lang`.
pub fn role(lang: Lang, role: &str) -> &str {
    match (lang, role) {
        (Lang::Ko, "app") => t(lang, "role.app"),
        (Lang::Ko, "init") => t(lang, "role.init"),
        (Lang::Ko, "sidecar") => t(lang, "role.sidecar"),
        _ => role,
    }
}

/// `t(lang, "key")`: the UI text for a key; "" when unknown (visible in tests).
pub fn t(lang: Lang, key: &str) -> &'static str {
    let (en, ko) = match key {
        "tagline" => ("Watch a simulated kubelet run your Pod", "가상의 kubelet이 파드를 실행하는 모습을 지켜보세요"),
        "lessons" => ("Lessons", "레슨"),
        "fault.file.path" => ("File path", "파일 경로"),
        "fault.port" => ("Port", "포트"),
        "fault.http.path" => ("HTTP path", "HTTP 경로"),
        "fault.service.name" => ("Service name", "서비스 이름"),
        "editor.label" => ("Pod manifest (YAML)", "파드 매니페스트 (YAML)"),
        "editor.description" => (
            "Tab indents. Press Escape, then Tab, to leave the editor.",
            "Tab 키는 들여쓰기를 함. 편집기에서 나가려면 Esc를 누른 뒤 Tab을 누름.",
        ),
        "sandbox" => ("Sandbox", "샌드박스"),
        "sandbox.intro" => (
            "A free manifest: write any Pod, add faults, and watch what the kubelet does.",
            "자유롭게 쓰는 매니페스트: 어떤 파드든 작성하고 장애를 일으켜 kubelet의 반응을 살펴보세요.",
        ),
        "manifest" => ("Manifest", "매니페스트"),
        "result" => ("Result", "결과"),
        "goals" => ("Goals", "목표"),
        "goal.met" => (" (met)", " (달성)"),
        "goal.unmet" => (" (not met yet)", " (아직 달성하지 못함)"),
        "hints" => ("Hints", "힌트"),
        "hint.next" => ("Show a hint", "힌트 보기"),
        "hint.none" => ("No more hints.", "더 이상 힌트가 없습니다."),
        "solution.show" => ("Show the solution", "정답 보기"),
        "reset" => ("Reset the manifest", "매니페스트 되돌리기"),
        "lesson.done" => ("All goals met — lesson complete!", "모든 목표 달성 — 레슨 완료!"),
        "lesson.done.shared" => (
            "Every goal is met in this shared copy (your own progress counts your own text).",
            "공유된 사본에서 모든 목표가 달성됨 (진도는 내 텍스트로만 기록됨).",
        ),
        "lesson.next" => ("Next lesson", "다음 레슨"),
        "lesson.prev" => ("Previous lesson", "이전 레슨"),
        "lesson.position" => ("Lesson {n} of {total}", "레슨 {n} / {total}"),
        "nav.lesson" => ("Lessons before and after", "이전·다음 레슨"),
        "nav.main" => ("Main", "주 메뉴"),
        "course.complete" => (
            "All goals met — that was the last lesson: the course is complete!",
            "모든 목표 달성 — 마지막 레슨까지 마쳐 과정을 모두 끝냄!",
        ),
        "course.summary" => ("See the course summary", "과정 요약 보기"),
        "course.done" => ("The course, in one look", "과정 한눈에 보기"),
        "course.progress" => ("{done} of {total} lessons done.", "레슨 {total}개 중 {done}개 완료."),
        "course.next" => (
            "Keep experimenting with any Pod in the",
            "어떤 파드든 계속 실험해 보려면:",
        ),
        "source.chapter" => ("the source chapter", "원문"),
        "source.intro" => (
            "Lessons 1–8 follow the source chapter — chapter 5, “Pods”, of the Korean Kubernetes book whose examples podlab starts from (its pod-sample.yaml is lesson 1's manifest) — section by section; a lesson's “§5.4” names the section it follows. The later lessons go beyond the chapter.",
            "레슨 1~8은 원문(podlab이 예제를 가져온 한국어 쿠버네티스 책의 5장 '파드', 레슨 1의 pod-sample.yaml도 여기서 옴)을 절 순서대로 따름. 레슨의 '§5.4'는 따르는 절 번호임. 그 뒤 레슨은 원문 범위를 넘어섬.",
        ),
        "source.explain" => (
            "§{section} is section {section} of the source chapter: chapter 5, “Pods”, of the Korean Kubernetes book whose examples podlab starts from (lesson 1's pod-sample.yaml comes from it). Lessons 1–8 follow its sections in order; where it describes an older Kubernetes, the lesson says what today's kubelet does.",
            "§{section}는 원문의 {section}절임. 원문은 podlab이 예제를 가져온 한국어 쿠버네티스 책의 5장 '파드'임 (레슨 1의 pod-sample.yaml이 여기서 옴). 레슨 1~8은 원문의 절 순서를 따르고, 원문이 옛 쿠버네티스 동작을 설명하는 곳에서는 지금 kubelet의 동작을 함께 밝힘.",
        ),
        "lesson.readonly" => ("Read-only lesson: look around, nothing to fix.", "읽기 전용 레슨: 살펴보기만 하면 됩니다."),
        "problems.one" => ("1 problem", "문제 1개"),
        "problems.many" => ("{n} problems", "문제 {n}개"),
        "run.stale" => (
            "Out of date: the run below is the last valid manifest's. Fix the problems to see this one run.",
            "지난 실행 결과임: 아래는 마지막으로 유효했던 매니페스트의 실행임. 문제를 고치면 지금 매니페스트의 실행이 보임.",
        ),
        "pod" => ("Pod", "파드"),
        "namespace" => ("namespace", "네임스페이스"),
        "container" => ("Container", "컨테이너"),
        "role" => ("Role", "역할"),
        "image" => ("Image", "이미지"),
        "ports" => ("Ports", "포트"),
        "timeline" => ("Timeline", "타임라인"),
        "play" => ("Play", "재생"),
        "playback" => ("Playback", "재생 제어"),
        "speed.max" => ("max", "최대"),
        "jump.go" => ("Go to this time", "이 시각으로 이동"),
        "pause" => ("Pause", "일시 정지"),
        "speed" => ("Speed", "속도"),
        "prev.event" => ("Previous event", "이전 이벤트"),
        "next.event" => ("Next event", "다음 이벤트"),
        "jump" => ("Jump to time", "이동할 시각"),
        "why.title" => ("Why?", "왜?"),
        "why.close" => ("Close the Why panel", "'왜?' 패널 닫기"),
        "why.opened" => ("Why? —", "왜? —"),
        "why.marks" => ("What changed: arrow keys move from change to change, Enter asks why", "변화 지점: 화살표 키로 이동, Enter로 원인 보기"),
        "why.rows" => ("Rows: arrow keys move, Enter asks why", "행: 화살표 키로 이동, Enter로 원인 보기"),
        "why.fields" => ("Fields it read", "읽은 필드"),
        "why.rule" => ("The rule", "규칙"),
        "why.mirrors" => ("mirrors", "대응 함수"),
        "why.hint" => ("Newest first. Point at a step to see its fields in the manifest and its marks on the timeline.", "최신순임. 단계를 가리키면 매니페스트의 해당 필드와 타임라인의 표시가 강조됨."),
        "why.none" => ("Nothing recorded explains this change.", "이 변화를 설명하는 기록이 없음."),
        "zoom.in" => ("Zoom in", "확대"),
        "zoom.out" => ("Zoom out", "축소"),
        "zoom.reset" => ("Show all", "전체 보기"),
        "pan.left" => ("Earlier", "이전 시간대"),
        "pan.right" => ("Later", "이후 시간대"),
        "timeline.view" => ("Timeline view", "타임라인 보기"),
        "playhead.beyond" => ("The playhead is past this view, at", "재생 위치가 이 구간 뒤에 있음:"),
        "lane.phase" => ("phase", "단계"),
        "legend" => ("Legend", "범례"),
        "legend.containers" => ("Containers", "컨테이너"),
        "legend.rows" => ("Conditions and phase", "컨디션과 단계"),
        "legend.marks.title" => ("Marks", "표시"),
        "legend.ready" => ("running, ready", "실행 중, 준비됨"),
        "legend.running" => ("running, not ready", "실행 중, 준비 안 됨"),
        "legend.pending" => ("waiting (creating / initialising)", "대기 중 (생성 / 초기화)"),
        "legend.blocked" => ("waiting: back-off or error (dashed outline)", "대기 중: 백오프 또는 오류 (점선 테두리)"),
        "legend.completed" => ("terminated, exit 0", "종료됨, 종료 코드 0"),
        "legend.failed" => ("terminated, exit ≠ 0 (dark outline)", "종료됨, 종료 코드 ≠ 0 (진한 테두리)"),
        "legend.cond.true" => ("condition True", "컨디션 True"),
        "legend.cond.false" => ("condition False", "컨디션 False"),
        "legend.phase" => (
            "phase: Pending grey, Running light green, Succeeded blue, Failed red (as the container colours)",
            "단계: Pending 회색, Running 연두색, Succeeded 파란색, Failed 빨간색 (컨테이너 색과 같음)",
        ),
        "legend.probe.success" => ("probe Success", "프로브 Success"),
        "legend.probe.failure" => ("probe Failure", "프로브 Failure"),
        "legend.probe.unknown" => ("probe Unknown", "프로브 Unknown"),
        "legend.restart" => ("container restarted", "컨테이너 재시작"),
        "legend.event.warning" => ("Warning event (top row)", "Warning 이벤트 (맨 윗줄)"),
        "legend.event.normal" => ("Normal event (top row)", "Normal 이벤트 (맨 윗줄)"),
        "legend.playhead" => ("playhead: the instant the kubectl views show", "재생 위치: kubectl 보기가 보여 주는 시각"),
        "legend.beyond" => ("the playhead is later than this view", "재생 위치가 이 구간보다 뒤임"),
        "legend.delete" => ("kubectl delete pod", "kubectl delete pod"),
        "legend.gone" => ("the Pod object is gone", "파드 오브젝트가 사라짐"),
        "deleted" => ("Pod deleted", "파드 삭제됨"),
        "skip" => ("Skip to content", "본문으로 건너뛰기"),
        "faults" => ("Faults", "장애 주입"),
        "faults.intro" => ("Happens at the cursor time; the timeline recomputes from there.", "커서 시각에 일어나며, 그 시점부터 타임라인을 다시 계산합니다."),
        "fault.kill" => ("Kill container", "컨테이너 강제 종료"),
        "fault.endpoint" => ("Break HTTP endpoint", "HTTP 엔드포인트 고장"),
        "fault.file" => ("Delete file", "파일 삭제"),
        "fault.node" => ("Lose the node", "노드 유실"),
        "fault.delete" => ("Delete the pod", "파드 삭제"),
        "fault.service" => ("Create Service", "서비스 생성"),
        "fault.clear" => ("Remove all faults", "장애 모두 제거"),
        "fault.list" => ("Scheduled faults", "예약된 장애"),
        "view.get" => ("get pods -w", "get pods -w"),
        "view.describe" => ("describe pod", "describe pod"),
        "view.events" => ("events", "events"),
        "view.logs" => ("logs", "logs"),
        "view.status" => ("status (YAML)", "status (YAML)"),
        "previous" => ("--previous", "--previous"),
        "defaulted.show" => ("Show the object as the cluster stores it", "클러스터에 저장되는 형태로 보기"),
        "share" => ("Copy share link", "공유 링크 복사"),
        "share.copied" => ("Link copied to the clipboard.", "링크를 클립보드에 복사했습니다."),
        "share.bad" => ("That share link is damaged or too large; nothing was loaded.", "공유 링크가 손상되었거나 너무 커서 불러오지 않았습니다."),
        "share.newer" => (
            "That share link was made by a newer podlab; reload the page to get it, then open the link again.",
            "더 새로운 podlab에서 만든 공유 링크입니다. 페이지를 새로 고친 뒤 링크를 다시 열어 보세요.",
        ),
        "share.no-lesson" => (
            "That share link names a lesson this podlab does not have: it opened in the sandbox.",
            "공유 링크의 레슨이 이 podlab에 없어 샌드박스에서 열었습니다.",
        ),
        "shared.opened" => (
            "Opened the shared manifest in its own copy: your own text is kept.",
            "공유된 매니페스트를 별도 사본으로 열었습니다. 내 텍스트는 그대로 있습니다.",
        ),
        "shared.own" => ("Show my text", "내 텍스트 보기"),
        "shared.waiting" => (
            "This link brings another manifest, but you have changed the shared copy opened before.",
            "이 링크는 다른 매니페스트를 담고 있지만, 전에 연 공유 사본을 이미 고쳤습니다.",
        ),
        "shared.accept" => ("Open the link (your changes stay one undo away)", "링크 열기 (내 수정은 실행 취소로 되돌릴 수 있음)"),
        "shared.decline" => ("Keep my changes", "내 수정 유지"),
        "copy.own" => ("My text", "내 텍스트"),
        "copy.shared" => ("Shared copy", "공유 사본"),
        "copy.own.note" => ("This page also has a copy opened from a share link:", "이 페이지에는 공유 링크로 연 사본도 있습니다:"),
        "copy.shared.note" => ("A copy opened from a share link; your own text is kept:", "공유 링크로 연 사본입니다. 내 텍스트는 그대로 있습니다:"),
        "replaced" => ("The manifest was replaced.", "매니페스트를 바꿨습니다."),
        "undo" => ("Undo", "되돌리기"),
        "panes" => ("Show", "보기"),
        "badge.goals" => (" goals met", "개 목표 달성"),
        "badge.problems" => (" problems", "개 문제"),
        "badge.stale" => (" (out of date)", " (지난 결과)"),
        "pane.lesson" => ("Lesson", "레슨"),
        "pane.run" => ("Run", "실행"),
        "storage.full" => (
            "This browser is not keeping your latest edits (its storage is full or turned off): they will be gone after a reload. Copy your manifest, or reset a lesson you no longer need.",
            "이 브라우저가 최근 편집 내용을 저장하지 못하고 있습니다(저장 공간이 가득 찼거나 꺼져 있음). 새로 고치면 사라집니다. 매니페스트를 복사해 두거나, 더 필요 없는 레슨을 초기화하세요.",
        ),
        "storage.reset" => (
            "Saved work could not be read: podlab started afresh and kept it aside (localStorage key podlab.unreadable).",
            "저장된 작업을 읽을 수 없어 새로 시작했습니다. 읽지 못한 데이터는 따로 보관했습니다 (localStorage 키 podlab.unreadable).",
        ),
        "storage.newer" => (
            "Your saved work was made by a newer podlab: this page started afresh and kept it aside (localStorage key podlab.unreadable). Reload to get the newer podlab.",
            "저장된 작업이 더 새로운 podlab에서 만들어져 새로 시작했습니다. 기존 데이터는 따로 보관했습니다 (localStorage 키 podlab.unreadable). 새로 고치면 새 podlab을 받을 수 있습니다.",
        ),
        "theme" => ("Theme", "테마"),
        "theme.system" => ("System", "시스템"),
        "theme.light" => ("Light", "밝게"),
        "theme.dark" => ("Dark", "어둡게"),
        "language" => ("Language", "언어"),
        "cursor" => ("Playhead", "재생 위치"),
        "role.app" => ("app", "앱"),
        "role.init" => ("init", "초기화"),
        "role.sidecar" => ("sidecar", "사이드카"),
        "invalid.nothing" => ("Fix the manifest to see it run.", "매니페스트를 고치면 실행 모습을 볼 수 있습니다."),
        "done" => ("done", "완료"),
        "dismiss" => ("Dismiss", "닫기"),
        _ => return "",
    };
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}
