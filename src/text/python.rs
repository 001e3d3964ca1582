//! The Python panel's words, in English and Russian. Only the panel's own module (loaded when a
//! reader opens it) uses them, so they cost the lab's first load nothing.

use crate::model::presentation::Lang;
use crate::model::python::link::{LinkError, MAX_LINK_CHARS};
use crate::model::python::moment::{Change, ChangeKind, Moment};
use crate::model::python::presets::PyPreset;
use crate::model::python::protocol::Failure;
use crate::model::python::screen::PyStatus;
use crate::model::python::timeline::{Lane, SegmentKind};
use crate::model::python::trace::Awaited;
use crate::model::python::{DOWNLOAD_BYTES, UNPACKED_BYTES};
use crate::text::{fill, Case, Noun, Text};

pub struct PyText {
    pub base: &'static Text,
    pub preset_label: &'static str,
    pub custom_program: &'static str,
    pub editor_label: &'static str,
    pub editor_hint: &'static str,
    pub given: &'static str,
    pub run: &'static str,
    pub cancel: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub output_heading: &'static str,
    pub no_output: &'static str,
    pub lanes_heading: &'static str,
    /// "{} of {} tasks drawn"
    pub lanes_more: &'static str,
    pub legend: [&'static str; 4],
    pub status: PyStatusText,
    pub result: &'static str,
    pub predicted: &'static str,
    /// Where the prediction would be, for a run made while the tab was in the background.
    pub hidden_run: &'static str,
    pub error_line: &'static str,
    pub worker_note: &'static str,
    pub truncated: &'static str,
    pub link_too_long: &'static str,
    /// A program's length in a link.
    pub character: Noun,
    pub link_unreadable: &'static str,
    pub awaits: [&'static str; 8],
    /// "{name}: on the thread {ms}, blocked {ms}, awaiting {ms}, ready {ms}"
    pub lane_summary: &'static str,
    pub lessons: [&'static str; PyPreset::ALL.len()],
    pub titles: [&'static str; PyPreset::ALL.len()],
    pub moment: PyMomentText,
    pub steps: PyStepsText,
    /// The presets' comments and printed words in this language, as (English, this language):
    /// the programs themselves are `model::python::presets`'s, in English.
    pub program_words: &'static [(&'static str, &'static str)],
    /// What the lab's own Python code says to the program's reader (static/python/lab_runner.py's
    /// `WORDS`), sent with each run.
    pub runner: RunnerWords,
}

/// The status line: the download, the run, how it ended.
pub struct PyStatusText {
    /// idle: "{}" is the download size.
    pub idle: &'static str,
    /// "{} of {}"
    pub loading: &'static str,
    pub ready: &'static str,
    pub running: &'static str,
    pub done: &'static str,
    pub error: &'static str,
    pub cancelled: &'static str,
    pub time_limit: &'static str,
    pub failed: &'static str,
    /// In a sandboxed frame, where no worker may start.
    pub no_worker: &'static str,
    /// Why Python failed, where the browser said no more than that its worker did not load.
    pub worker_did_not_start: &'static str,
    /// Why, where the browser refused and gave no reason.
    pub unexplained: &'static str,
    /// The link beside it: the full page, with the program in its link.
    pub open_full_page: &'static str,
}

/// The event loop at a moment of the run: its slider, steps and words.
pub struct PyMomentText {
    pub heading: &'static str,
    pub scrub: &'static str,
    pub step_back: &'static str,
    pub step_forward: &'static str,
    /// "At {}:"
    pub at: &'static str,
    /// "{} runs on the thread" / "{} blocks the thread"
    pub runs: &'static str,
    pub blocks: &'static str,
    pub free: &'static str,
    pub ready: &'static str,
    pub awaiting: &'static str,
    pub done: &'static str,
}

/// The run step by step: the table.
pub struct PyStepsText {
    pub heading: &'static str,
    /// The step table's columns: time, task, what happens.
    pub columns: [&'static str; 3],
    /// How a task ended: done, cancelled, failed.
    pub ends: [&'static str; 3],
    pub window: &'static str,
}

/// The lab's messages that its Python code raises or reports, in the reader's language.
#[derive(PartialEq)]
pub struct RunnerWords {
    /// `input()`: a program here has no keyboard; how to give it a value instead.
    pub no_keyboard: &'static str,
    /// `asyncio.run()` called anywhere but as a statement of the program's top level.
    pub nested_run: &'static str,
    /// After "CancelledError: ": the program's main task was cancelled.
    pub main_cancelled: &'static str,
    /// A URL that starts as a simulated request and is not one; `{}` is the URL.
    pub simulated_url: &'static str,
}

impl RunnerWords {
    /// As the worker takes them: (key in `WORDS`, message).
    pub fn entries(&self) -> [(&'static str, &'static str); 4] {
        [
            ("no_keyboard", self.no_keyboard),
            ("nested_run", self.nested_run),
            ("main_cancelled", self.main_cancelled),
            ("simulated_url", self.simulated_url),
        ]
    }
}

pub const PY_EN: PyText = PyText {
    base: &crate::text::EN,
    preset_label: "Program",
    custom_program: "Your program",
    editor_label: "Python program",
    editor_hint: "Tab indents, Shift+Tab dedents; Esc, then Tab, leaves the editor.",
    given: "Given by the lab:",
    run: "Run in Python",
    cancel: "Cancel",
    copy_link: "Copy a link to this program",
    link_copied: "Link copied",
    output_heading: "Output",
    no_output: "Nothing printed yet.",
    lanes_heading: "Every task on one time axis",
    lanes_more: "{} of {} tasks drawn",
    legend: ["running on the thread", "awaiting", "ready, waiting for the thread", "blocking the thread"],
    status: PyStatusText {
        idle: "Python is not loaded yet: the first run downloads CPython 3.14 (Pyodide, {}), once.",
        loading: "Loading Python… {} of {}",
        ready: "Python is ready.",
        running: "Running…",
        done: "Done.",
        error: "The program stopped with an error.",
        cancelled: "Cancelled. Python restarts for the next run.",
        time_limit: "Stopped after {}\u{a0}s: the lab's limit for one program.",
        failed: "Python could not run: {}",
        no_worker: "Python cannot start inside this embedded frame (a sandboxed frame may start no worker thread): open the full page to run it.",
        worker_did_not_start: "the Python worker could not start",
        unexplained: "the browser gave no reason",
        open_full_page: "Open the full page with this program ↗",
    },
    result: "Total: {}",
    predicted: "the lab's model: {}",
    hidden_run: "The tab was in the background for {} during this run; browsers slow timers there, so it measured the browser, not the program. Run it again with the tab in view.",
    error_line: "line {}",
    worker_note: "Python runs in a worker thread of its own: a program that blocks freezes that thread (drawn as blocked), never this page, and Cancel always works.",
    truncated: "The program made more than the lanes can hold: the first part is drawn.",
    link_too_long: "This program is too long for a link ({} compressed, at most {}).",
    character: Noun { nominative: ["character", "characters", "characters"], genitive: ["character", "characters", "characters"] },
    link_unreadable: "The program in the link could not be read; the preset is shown instead.",
    awaits: ["a sleep", "a task", "gather", "a lock", "an event", "a request", "one turn of the loop", "a future"],
    lane_summary: "{}: on the thread {}, blocking it {}, awaiting {}, ready {}.",
    titles: [
        "Synchronous: one after another",
        "asyncio.gather: all at once",
        "await in a loop",
        "create_task, then await",
        "Semaphore(LIMIT)",
        "time.sleep inside async def",
        "CPU work in a coroutine",
        "A forgotten await",
        "wait_for with a timeout",
        "TaskGroup",
    ],
    lessons: [
        "Each request blocks the program until it is answered: the total is the sum.",
        "Every request is in flight at once: the total is about the longest one.",
        "await waits for one request before the loop sends the next: the sum again, though async.",
        "Tasks start as soon as they are made; awaiting them one by one costs nothing more.",
        "At most LIMIT requests in flight: between the sum and the longest.",
        "time.sleep blocks the one thread: every task waits, the total is the sum.",
        "Waiting overlaps; work on the one thread does not: tasks queue as ready.",
        "A coroutine that is never awaited never runs: Python warns.",
        "A timeout cancels the slow request: the total is the timeout.",
        "A TaskGroup waits for every task made in it (and cancels them all if one fails).",
    ],
    moment: PyMomentText {
        heading: "The event loop at a moment",
        scrub: "Moment of the run",
        step_back: "◀ Step back",
        step_forward: "Step forward ▶",
        at: "At {}:",
        runs: "{} runs on the thread.",
        blocks: "{} blocks the thread.",
        free: "The thread is free: every task awaits something.",
        ready: "Ready, waiting for the thread: {}.",
        awaiting: "Awaiting: {}.",
        done: "Done: {}.",
    },
    steps: PyStepsText {
        heading: "Step by step",
        columns: ["Time", "Task", "What happens"],
        ends: ["done", "cancelled", "failed with an exception"],
        window: "Steps {}–{} of {}, around the moment shown.",
    },
    program_words: &[],
    runner: RunnerWords {
        no_keyboard: "a program here has no keyboard, so input() has nothing to read. Give the value in the code instead: \
                      name = 'Ada' rather than name = input().",
        nested_run: "asyncio.run() runs here only as a statement of the program's top level \
                     (the lab's program already runs inside the browser's event loop).",
        main_cancelled: "the program's main task was cancelled",
        simulated_url: "{}: a simulated request is lab:sleep/<ms>",
    },
};

pub const PY_RU: PyText = PyText {
    base: &crate::text::RU,
    preset_label: "Программа",
    custom_program: "Ваша программа",
    editor_label: "Программа на Python",
    editor_hint: "Tab — отступ, Shift+Tab — убрать отступ; Esc, затем Tab — выйти из редактора.",
    given: "Лаборатория задаёт:",
    run: "Запустить в Python",
    cancel: "Отменить",
    copy_link: "Скопировать ссылку на программу",
    link_copied: "Ссылка скопирована",
    output_heading: "Вывод",
    no_output: "Пока ничего не напечатано.",
    lanes_heading: "Все задачи на одной оси времени",
    lanes_more: "Показано задач: {} из {}",
    legend: ["выполняется в потоке", "ждёт (await)", "готова, ждёт поток", "блокирует поток"],
    status: PyStatusText {
        idle: "Python ещё не загружен: первый запуск скачает CPython 3.14 (Pyodide, {}) один раз.",
        loading: "Загружается Python… {} из {}",
        ready: "Python готов.",
        running: "Выполняется…",
        done: "Готово.",
        error: "Программа завершилась с ошибкой.",
        cancelled: "Отменено. Python перезапускается для следующего запуска.",
        time_limit: "Остановлено через {}\u{a0}с: это предел лаборатории для одной программы.",
        failed: "Python не смог выполнить программу: {}",
        no_worker: "Внутри этой встроенной рамки Python не запустить (песочница не разрешает отдельный поток): откройте полную страницу.",
        worker_did_not_start: "не удалось запустить рабочий поток Python",
        unexplained: "браузер не сказал почему",
        open_full_page: "Открыть полную страницу с этой программой ↗",
    },
    result: "Всего: {}",
    predicted: "модель лаборатории: {}",
    hidden_run: "Вкладка была в фоне {} во время запуска; браузеры замедляют там таймеры, так что измерен браузер, а не программа. Запустите ещё раз, не уходя с вкладки.",
    error_line: "строка {}",
    worker_note: "Python работает в отдельном потоке (веб-воркере): программа, которая блокирует поток, замораживает только его (на дорожках — блокирующий участок), но не страницу, и отмена срабатывает всегда.",
    truncated: "Программа создала больше, чем помещается на дорожках: показано начало.",
    link_too_long: "Программа слишком длинная для ссылки ({} после сжатия, можно не больше {}).",
    character: Noun { nominative: ["символ", "символа", "символов"], genitive: ["символа", "символов", "символов"] },
    link_unreadable: "Программу из ссылки не удалось прочитать; показан пример.",
    awaits: ["sleep", "задачу", "gather", "Lock", "событие (Event)", "запрос", "один оборот цикла", "future"],
    lane_summary: "{}: в потоке {}, из них блокирует {}, ждёт {}, готова {}.",
    titles: [
        "Синхронно: один за другим",
        "asyncio.gather: конкурентно",
        "await в цикле",
        "create_task, затем await",
        "Semaphore(LIMIT)",
        "time.sleep внутри async def",
        "Вычисления в сопрограмме",
        "Забытый await",
        "wait_for с тайм-аутом",
        "TaskGroup",
    ],
    lessons: [
        "Каждый запрос блокирует программу до ответа: общее время — сумма.",
        "Запросы ждут ответа конкурентно: общее время — около самого долгого.",
        "await ждёт ответа, прежде чем цикл отправит следующий запрос: снова сумма, хоть и async.",
        "Задачи стартуют, как только созданы, и ждут конкурентно; ждать их по очереди уже ничего не стоит.",
        "Не больше LIMIT запросов конкурентно: между суммой и самым долгим.",
        "time.sleep блокирует единственный поток: ждут все задачи, общее время — сумма.",
        "Ожидания перекрываются, а работа в одном потоке — нет: готовые задачи ждут очереди.",
        "Сопрограмма (корутина) без await не выполняется никогда: Python предупреждает.",
        "Тайм-аут отменяет медленный запрос: общее время — тайм-аут.",
        "TaskGroup ждёт все созданные в ней задачи (и отменяет остальные, если в одной возникло исключение).",
    ],
    moment: PyMomentText {
        heading: "Цикл событий в момент времени",
        scrub: "Момент выполнения",
        step_back: "◀ Шаг назад",
        step_forward: "Шаг вперёд ▶",
        at: "На {}:",
        runs: "{} выполняется в потоке.",
        blocks: "{} блокирует поток.",
        free: "Поток свободен: все задачи чего-то ждут.",
        ready: "Готовы и ждут поток: {}.",
        awaiting: "Ждут (await): {}.",
        done: "Завершены: {}.",
    },
    steps: PyStepsText {
        heading: "Шаг за шагом",
        columns: ["Время", "Задача", "Что происходит"],
        ends: ["завершена", "отменена", "завершилась исключением"],
        window: "Шаги {}–{} из {}, вокруг показанного момента.",
    },
    program_words: &[
        ("# the program waits for the answer: nothing else runs", "# программа ждёт ответа: больше ничего не выполняется"),
        ("request {i}: answered after {ms} ms", "запрос {i}: ответ через {ms} мс"),
        ("total: {(time.perf_counter() - start) * 1000:.0f} ms", "всего: {(time.perf_counter() - start) * 1000:.0f} мс"),
        ("# stands for a request of ms milliseconds", "# вместо запроса длиной ms миллисекунд"),
        ("# the next request is sent only after this answer", "# следующий запрос уйдёт только после этого ответа"),
        ("# every task is already running: awaiting them in turn costs nothing", "# все задачи уже идут: ждать их по очереди ничего не стоит"),
        ("# at most LIMIT requests in flight", "# не больше LIMIT запросов конкурентно"),
        ("# the mistake: blocks the one thread, no other task can run", "# ошибка: блокирует единственный поток, другие задачи стоят"),
        ("# CPU work: holds the thread, awaits nothing", "# вычисления: занимают поток и ничего не ждут"),
        ("# 100 ms of processing the answer", "# 100 мс обработки ответа"),
        ("request {i}: processed", "запрос {i}: обработан"),
        ("# forgot await: the coroutine is made and never runs", "# забыли await: сопрограмма создана, но не выполнится никогда"),
        ("gave up after {timeout * 1000:.0f} ms", "не дождались за {timeout * 1000:.0f} мс"),
        ("# waits for every task made in it", "# ждёт все задачи, созданные в нём"),
    ],
    runner: RunnerWords {
        no_keyboard: "у программы здесь нет клавиатуры, и input() нечего прочитать. Задайте значение прямо в коде: \
                      name = 'Ада' вместо name = input().",
        nested_run: "asyncio.run() здесь работает только как инструкция верхнего уровня программы \
                     (программа лаборатории уже выполняется внутри цикла событий браузера).",
        main_cancelled: "главная задача программы отменена",
        simulated_url: "{}: имитированный запрос записывается как lab:sleep/<мс>",
    },
};

/// Two texts are equal when they are the same language (components compare their props).
impl PartialEq for PyText {
    fn eq(&self, other: &PyText) -> bool {
        self.base.lang == other.base.lang
    }
}

/// The preset a program is, unchanged, in either language.
pub fn preset_of(code: &str) -> Option<PyPreset> {
    PyPreset::ALL.into_iter().find(|&p| [&PY_EN, &PY_RU].iter().any(|t| t.program(p) == code))
}

pub fn py_text(lang: Lang) -> &'static PyText {
    match lang {
        Lang::En => &PY_EN,
        Lang::Ru => &PY_RU,
    }
}

impl PyText {
    pub fn title(&self, preset: PyPreset) -> &'static str {
        self.titles[preset.index()]
    }

    /// A preset's program with its comments and printed words in this language.
    pub fn program(&self, preset: PyPreset) -> String {
        self.program_words.iter().fold(preset.program().to_string(), |code, (en, here)| code.replace(en, here))
    }

    pub fn lesson(&self, preset: PyPreset) -> &'static str {
        self.lessons[preset.index()]
    }

    /// Megabytes with one decimal: "6.1 MB" / "6,1 МБ".
    pub fn megabytes(&self, bytes: f64) -> String {
        let tenths = (bytes / 100_000.0).round() as u64;
        let unit = if self.base.lang == Lang::Ru { "МБ" } else { "MB" };
        format!("{}{}{}\u{a0}{unit}", tenths / 10, self.base.decimal, tenths % 10)
    }

    pub fn idle(&self, download_bytes: f64) -> String {
        fill(self.status.idle, &[&self.megabytes(download_bytes)])
    }

    pub fn loading(&self, bytes: f64, of: f64) -> String {
        fill(self.status.loading, &[&self.megabytes(bytes), &self.megabytes(of)])
    }

    /// Why a program was stopped: the limit it ran into (`panel::time_limit_ms`), in whole seconds.
    pub fn time_limit(&self, limit_ms: u32) -> String {
        fill(self.status.time_limit, &[&limit_ms.div_ceil(1000).to_string()])
    }

    /// The panel's status line (`model::python::screen::PyStatus`).
    pub fn status(&self, status: &PyStatus) -> String {
        match status {
            PyStatus::NotLoaded => self.idle(DOWNLOAD_BYTES),
            PyStatus::Loading(bytes) => self.loading(*bytes, UNPACKED_BYTES),
            PyStatus::Ready => self.status.ready.to_string(),
            PyStatus::Running => self.status.running.to_string(),
            PyStatus::Done => self.status.done.to_string(),
            PyStatus::Error => self.status.error.to_string(),
            PyStatus::Cancelled => self.status.cancelled.to_string(),
            PyStatus::TimeLimit(ms) => self.time_limit(*ms),
            PyStatus::Failed(why) => self.failed(why),
        }
    }

    pub fn failed(&self, why: &Failure) -> String {
        match why {
            Failure::NoWorkerHere => self.status.no_worker.to_string(),
            Failure::WorkerDidNotStart => fill(self.status.failed, &[self.status.worker_did_not_start]),
            Failure::Python(why) => fill(self.status.failed, &[why]),
            Failure::Unexplained => fill(self.status.failed, &[self.status.unexplained]),
        }
    }

    pub fn result(&self, total_ms: f64) -> String {
        fill(self.result, &[&self.base.total(total_ms)])
    }

    pub fn predicted(&self, total_ms: f64) -> String {
        fill(self.predicted, &[&self.base.total(total_ms)])
    }

    pub fn hidden_run(&self, ms: f64) -> String {
        fill(self.hidden_run, &[&self.base.duration(ms)])
    }

    pub fn line(&self, line: u32) -> String {
        fill(self.error_line, &[&line.to_string()])
    }

    pub fn lanes_more(&self, drawn: usize, of: usize) -> String {
        fill(self.lanes_more, &[&drawn.to_string(), &of.to_string()])
    }

    pub fn link_error(&self, error: &LinkError) -> String {
        match error {
            LinkError::TooLong { chars } => {
                let t = self.base;
                fill(self.link_too_long, &[&t.count(*chars, &self.character, Case::Nominative), &t.int(MAX_LINK_CHARS as f64)])
            }
            _ => self.link_unreadable.to_string(),
        }
    }

    pub fn legend(&self, kind: SegmentKind) -> &'static str {
        self.legend[kind as usize]
    }

    pub fn awaited(&self, what: &Awaited) -> String {
        let i = match what {
            Awaited::Sleep => 0,
            Awaited::Task(name) => return format!("{} {name}", self.awaits[1]),
            Awaited::Gather => 2,
            Awaited::Acquire => 3,
            Awaited::Wait => 4,
            Awaited::Fetch => 5,
            Awaited::Yield => 6,
            Awaited::Future => 7,
        };
        self.awaits[i].to_string()
    }

    /// What a task awaits and at which line, "a sleep, line 5", if either is known.
    fn awaiting_detail(&self, what: Option<&Awaited>, line: u32) -> Option<String> {
        let detail: Vec<String> = what.map(|w| self.awaited(w)).into_iter().chain((line > 0).then(|| self.line(line))).collect();
        (!detail.is_empty()).then(|| detail.join(", "))
    }

    /// What one change of the run says in the step table: "awaiting: a sleep, line 5", "done".
    pub fn change(&self, change: &Change) -> String {
        match &change.kind {
            ChangeKind::Begins(kind) => match self.awaiting_detail(change.awaited.as_ref(), change.line) {
                None => self.legend(*kind).to_string(),
                Some(detail) => format!("{}: {detail}", self.legend(*kind)),
            },
            ChangeKind::Ends(end) => self.steps.ends[*end as usize].to_string(),
        }
    }

    pub fn steps_window(&self, first: usize, last: usize, of: usize) -> String {
        fill(self.steps.window, &[&first.to_string(), &last.to_string(), &of.to_string()])
    }

    /// The event loop at a moment, in sentences.
    pub fn moment(&self, m: &Moment, lanes: &[Lane]) -> Vec<String> {
        let name = |i: usize| lanes.get(i).map_or("?", |l| l.name.as_str());
        let list = |items: Vec<String>| items.join(", ");
        let mut out = vec![fill(self.moment.at, &[&self.base.total(m.at_ms)])];
        match m.on_thread {
            Some((i, false)) => out.push(fill(self.moment.runs, &[name(i)])),
            Some((i, true)) => out.push(fill(self.moment.blocks, &[name(i)])),
            // Free while tasks wait; after the last one is done there is nothing to say of it.
            None if !m.awaiting.is_empty() || !m.ready.is_empty() => out.push(self.moment.free.to_string()),
            None => {}
        }
        if !m.ready.is_empty() {
            out.push(fill(self.moment.ready, &[&list(m.ready.iter().map(|&i| name(i).to_string()).collect())]));
        }
        if !m.awaiting.is_empty() {
            let items = m
                .awaiting
                .iter()
                .map(|(i, what, line)| match self.awaiting_detail(what.as_ref(), *line) {
                    None => name(*i).to_string(),
                    Some(detail) => format!("{} ({detail})", name(*i)),
                })
                .collect();
            out.push(fill(self.moment.awaiting, &[&list(items)]));
        }
        if !m.done.is_empty() {
            out.push(fill(self.moment.done, &[&list(m.done.iter().map(|&i| name(i).to_string()).collect())]));
        }
        out
    }

    pub fn lane_summary(&self, name: &str, on_thread: f64, blocked: f64, awaiting: f64, ready: f64) -> String {
        let t = |ms: f64| self.base.total(ms);
        fill(self.lane_summary, &[name, &t(on_thread), &t(blocked), &t(awaiting), &t(ready)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_presets_speak_russian_in_their_comments_and_prints_and_nothing_else_changes() {
        // Every phrase translated is in some program, so none goes stale unnoticed.
        for (en, _) in PY_RU.program_words {
            assert!(PyPreset::ALL.iter().any(|p| p.program().contains(en)), "no preset says {en:?}");
        }
        for preset in PyPreset::ALL {
            assert_eq!(PY_EN.program(preset), preset.program());
            let (en, ru) = (preset.program(), PY_RU.program(preset));
            assert_eq!(en.lines().count(), ru.lines().count());
            // Line by line, the code before a comment or a string is the same.
            for (a, b) in en.lines().zip(ru.lines()) {
                let code = |l: &str| l.split(['#', '"']).next().unwrap_or_default().to_string();
                assert_eq!(code(a), code(b), "{preset:?}");
            }
            assert_eq!(preset_of(en), Some(preset));
            assert_eq!(preset_of(&ru), Some(preset));
        }
        assert!(PY_RU.program(PyPreset::Gather).contains("ответ через"));
        assert_eq!(preset_of("print(1)\n"), None);
    }

    #[test]
    fn both_languages_say_every_preset_and_fill_their_templates() {
        for t in [&PY_EN, &PY_RU] {
            for preset in PyPreset::ALL {
                assert!(!t.title(preset).is_empty() && !t.lesson(preset).is_empty());
            }
            assert!(t.idle(6_100_000.0).contains("6"), "{}", t.idle(6_100_000.0));
            assert!(!t.loading(1e6, 12e6).contains("{}"));
            assert!(t.link_error(&LinkError::TooLong { chars: 7000 }).contains("7"));
        }
        assert_eq!(PY_EN.megabytes(6_149_000.0), "6.1\u{a0}MB");
        use crate::model::python::{moment::moment, timeline::lanes, trace::PyTrace};
        let l = lanes(
            &PyTrace::parse(
                "task\t1\tmain\t0\nturn\t1\t0\t1\ntask\t2\tTask-2\t0\nturn\t2\t1\t2\nwait\t2\t2\t40\t40\tsleep\t4\n\
                 turn\t2\t40\t41\nend\t2\t41\tdone\nwait\t1\t1\t41\t-\tgather\t9\nturn\t1\t41\t42\nend\t1\t42\tdone",
            ),
            42.0,
        );
        assert_eq!(
            PY_EN.moment(&moment(&l, 10.0), &l),
            [
                "At 10\u{a0}ms:",
                "The thread is free: every task awaits something.",
                "Awaiting: main (gather, line 9), Task-2 (a sleep, line 4)."
            ]
        );
        assert_eq!(PY_RU.moment(&moment(&l, 40.5), &l)[1], "Task-2 выполняется в потоке.");
        assert_eq!(PY_EN.moment(&moment(&l, 42.0), &l), ["At 42\u{a0}ms:", "Done: main, Task-2."]);
        assert_eq!(PY_RU.megabytes(12_350_000.0), "12,4\u{a0}МБ");
    }

    #[test]
    fn a_long_link_counts_its_characters() {
        assert!(PY_RU
            .link_error(&LinkError::TooLong { chars: 7001 })
            .starts_with("Программа слишком длинная для ссылки (7\u{202f}001 символ после сжатия"));
        assert!(PY_RU.link_error(&LinkError::TooLong { chars: 7003 }).contains("(7\u{202f}003 символа после"));
        assert!(PY_EN.link_error(&LinkError::TooLong { chars: 7001 }).contains("(7,001 characters compressed"));
    }

    #[test]
    fn the_time_limit_is_said_in_seconds() {
        assert_eq!(PY_EN.time_limit(30_000), "Stopped after 30\u{a0}s: the lab's limit for one program.");
        assert_eq!(PY_RU.time_limit(30_000), "Остановлено через 30\u{a0}с: это предел лаборатории для одной программы.");
        assert!(PY_EN.time_limit(2_000).starts_with("Stopped after 2\u{a0}s"));
    }
}
