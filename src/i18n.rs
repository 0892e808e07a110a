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

/// `t(lang, "key")`: the UI text for a key; the key itself when unknown (visible in tests).
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
        "lesson.next" => ("Next lesson", "다음 레슨"),
        "lesson.readonly" => ("Read-only lesson: look around, nothing to fix.", "읽기 전용 레슨: 살펴보기만 하면 됩니다."),
        "problems.one" => ("1 problem", "문제 1개"),
        "problems.many" => ("problems", "개의 문제"),
        "pod" => ("Pod", "파드"),
        "namespace" => ("namespace", "네임스페이스"),
        "container" => ("Container", "컨테이너"),
        "role" => ("Role", "역할"),
        "image" => ("Image", "이미지"),
        "ports" => ("Ports", "포트"),
        "timeline" => ("Timeline", "타임라인"),
        "play" => ("Play", "재생"),
        "pause" => ("Pause", "일시 정지"),
        "speed" => ("Speed", "속도"),
        "prev.event" => ("Previous event", "이전 이벤트"),
        "next.event" => ("Next event", "다음 이벤트"),
        "jump" => ("Jump to time", "시간으로 이동"),
        "zoom.in" => ("Zoom in", "확대"),
        "zoom.out" => ("Zoom out", "축소"),
        "zoom.reset" => ("Show all", "전체 보기"),
        "pan.left" => ("Earlier", "앞으로"),
        "pan.right" => ("Later", "뒤로"),
        "legend" => ("Legend", "범례"),
        "legend.ready" => ("running, ready", "실행 중, 준비됨"),
        "legend.running" => ("running, not ready", "실행 중, 준비 안 됨"),
        "legend.pending" => ("waiting (creating / initialising)", "대기 중 (생성 / 초기화)"),
        "legend.blocked" => ("waiting: back-off or error (hatched)", "대기 중: 백오프 또는 오류 (빗금)"),
        "legend.completed" => ("terminated, exit 0", "종료됨, 종료 코드 0"),
        "legend.failed" => ("terminated, exit ≠ 0", "종료됨, 종료 코드 ≠ 0"),
        "legend.marks" => (
            "● probe Success · ✗ probe Failure · ▲ probe Unknown · ↻ restart · ▼ Warning event · • Normal event",
            "● 프로브 Success · ✗ 프로브 Failure · ▲ 프로브 Unknown · ↻ 재시작 · ▼ Warning 이벤트 · • Normal 이벤트",
        ),
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
        "storage.full" => (
            "This browser is not keeping your latest edits (its storage is full or turned off): they will be gone after a reload. Copy your manifest, or reset a lesson you no longer need.",
            "이 브라우저가 최근 편집 내용을 저장하지 못하고 있습니다(저장 공간이 가득 찼거나 꺼져 있음). 새로 고치면 사라집니다. 매니페스트를 복사해 두거나, 더 필요 없는 레슨을 초기화하세요.",
        ),
        "storage.reset" => ("Saved data could not be read and was reset.", "저장된 데이터를 읽을 수 없어 초기화했습니다."),
        "theme" => ("Theme", "테마"),
        "theme.system" => ("System", "시스템"),
        "theme.light" => ("Light", "밝게"),
        "theme.dark" => ("Dark", "어둡게"),
        "language" => ("Language", "언어"),
        "cursor" => ("Cursor", "커서"),
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
