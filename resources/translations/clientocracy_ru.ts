<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
    <context>
        <name>AlternativesButton</name>
        <message>
            <source>— none: a single point of failure —</source>
            <translation>нет: единственная точка отказа</translation>
        </message>
        <message>
            <source>Duplication (tool 11): teams that could keep this promise if its team fails. Without one the promise is a single point of failure.</source>
            <translation>Задвоение (инструмент 11): команды, которые смогут выполнить это обещание, если его команда не справится. Без них обещание — единственная точка отказа.</translation>
        </message>
    </context>
    <context>
        <name>BrandingDialog</name>
        <message>
            <source>Handout branding</source>
            <translation>Фирменный стиль материалов</translation>
        </message>
        <message>
            <source>Choose logo…</source>
            <translation>Выбрать логотип…</translation>
        </message>
        <message>
            <source>No logo</source>
            <translation>Без логотипа</translation>
        </message>
        <message>
            <source>Logo:</source>
            <translation>Логотип:</translation>
        </message>
        <message>
            <source>Accent colour:</source>
            <translation>Фирменный цвет:</translation>
        </message>
        <message>
            <source>Shown on the cover of PDF handouts and slides and on the first slide of decks.</source>
            <translation>Показывается на обложке раздаточных материалов и слайдов PDF и на первом слайде презентации.</translation>
        </message>
        <message>
            <source>Choose a logo</source>
            <translation>Выбор логотипа</translation>
        </message>
        <message>
            <source>Logo (*.png *.jpg *.jpeg *.svg)</source>
            <translation>Логотип (*.png *.jpg *.jpeg *.svg)</translation>
        </message>
        <message>
            <source>Accent colour</source>
            <translation>Фирменный цвет</translation>
        </message>
        <message>
            <source>{colour} (default)</source>
            <translation>{colour} (по умолчанию)</translation>
        </message>
        <message>
            <source>Workshop title</source>
            <translation>Название сессии</translation>
        </message>
        <message>
            <source>This file cannot be read as a picture.</source>
            <translation>Этот файл не читается как изображение.</translation>
        </message>
    </context>
    <context>
        <name>CanvasChart</name>
        <message>
            <source>higher = dearer</source>
            <translation>выше = дороже</translation>
        </message>
        <message>
            <source>dearer</source>
            <translation>дороже</translation>
        </message>
        <message>
            <source>▲ Price-like factor: a higher level means dearer for the buyer.</source>
            <translation>▲ Ценовой фактор: чем выше уровень, тем дороже для покупателя.</translation>
        </message>
        <message>
            <source>Double-click to rename; drag sideways to reorder; right-click for more.</source>
            <translation>Двойной щелчок — переименовать; перетаскивание вбок — изменить порядок; правая кнопка — другие действия.</translation>
        </message>
    </context>
    <context>
        <name>CanvasEditor</name>
        <message>
            <source>Canvas:</source>
            <translation>Канва:</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Новая</translation>
        </message>
        <message>
            <source>Add a canvas (e.g. one per segment)</source>
            <translation>Добавить канву (например, по одной на сегмент)</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Переименовать</translation>
        </message>
        <message>
            <source>Rename this canvas</source>
            <translation>Переименовать эту канву</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Дублировать</translation>
        </message>
        <message>
            <source>Copy this canvas, e.g. to draw an alternative</source>
            <translation>Скопировать канву, например чтобы нарисовать альтернативу</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Delete this canvas (Undo brings it back)</source>
            <translation>Удалить эту канву (отмена вернёт её)</translation>
        </message>
        <message>
            <source>Segment:</source>
            <translation>Сегмент:</translation>
        </message>
        <message>
            <source>Scale:</source>
            <translation>Шкала:</translation>
        </message>
        <message>
            <source>Chart only</source>
            <translation>Только график</translation>
        </message>
        <message>
            <source>Hide the table and panels, e.g. on the projector</source>
            <translation>Скрыть таблицу и панели, например для проектора</translation>
        </message>
        <message>
            <source>This workshop has no strategy canvas yet.</source>
            <translation>В этой сессии ещё нет стратегической канвы.</translation>
        </message>
        <message>
            <source>Create a canvas</source>
            <translation>Создать канву</translation>
        </message>
        <message>
            <source>Canvas title</source>
            <translation>Название канвы</translation>
        </message>
        <message>
            <source>+ Add a factor: type its name, press Enter</source>
            <translation>+ Добавить фактор: введите название и нажмите Enter</translation>
        </message>
        <message>
            <source>Curves</source>
            <translation>Кривые</translation>
        </message>
        <message>
            <source>ERRC grid</source>
            <translation>Решётка «упразднить — снизить — повысить — создать»</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Качество</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>Фактор</translation>
        </message>
        <message>
            <source>The selected factor's description, price-like mark and ERRC note</source>
            <translation>Описание выбранного фактора, признак ценового фактора и примечание к решётке</translation>
        </message>
        <message>
            <source>Untitled canvas</source>
            <translation>Канва без названия</translation>
        </message>
        <message>
            <source>(any)</source>
            <translation>(любой)</translation>
        </message>
        <message>
            <source>Canvas %1</source>
            <translation>Канва %1</translation>
        </message>
        <message>
            <source>Add canvas</source>
            <translation>Добавить канву</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1 (копия)</translation>
        </message>
        <message>
            <source>Duplicate canvas</source>
            <translation>Дублировать канву</translation>
        </message>
        <message>
            <source>Delete canvas</source>
            <translation>Удалить канву</translation>
        </message>
        <message>
            <source>Rename canvas</source>
            <translation>Переименовать канву</translation>
        </message>
        <message>
            <source>Change scale</source>
            <translation>Изменить шкалу</translation>
        </message>
        <message>
            <source>Add factor</source>
            <translation>Добавить фактор</translation>
        </message>
        <message>
            <source>The chart always fits its window</source>
            <translation>График всегда вписан в окно</translation>
        </message>
        <message>
            <source>The canvas selects one factor or curve at a time</source>
            <translation>На канве выделяется один фактор или одна кривая за раз</translation>
        </message>
        <message>
            <source>Select a factor or a curve to delete it</source>
            <translation>Выделите фактор или кривую, чтобы удалить</translation>
        </message>
        <message>
            <source>step</source>
            <translation>шаг</translation>
        </message>
    </context>
    <context>
        <name>CanvasPaste</name>
        <message numerus="yes">
            <source>Add %n factor(s)</source>
            <translation>
                <numerusform>Добавить %n фактор</numerusform>
                <numerusform>Добавить %n фактора</numerusform>
                <numerusform>Добавить %n факторов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Added %n factor(s).</source>
            <translation>
                <numerusform>Добавлен %n фактор.</numerusform>
                <numerusform>Добавлено %n фактора.</numerusform>
                <numerusform>Добавлено %n факторов.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Skipped %n duplicate name(s).</source>
            <translation>
                <numerusform>Пропущено повторяющееся название: %n.</numerusform>
                <numerusform>Пропущено повторяющихся названий: %n.</numerusform>
                <numerusform>Пропущено повторяющихся названий: %n.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Skipped %n blank line(s).</source>
            <translation>
                <numerusform>Пропущена пустая строка: %n.</numerusform>
                <numerusform>Пропущено пустых строк: %n.</numerusform>
                <numerusform>Пропущено пустых строк: %n.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChartView</name>
        <message>
            <source>Set “%1” on “%2”</source>
            <translation>Уровень кривой «%2» по фактору «%1»</translation>
        </message>
        <message>
            <source>Select a visible curve first (click its name in the legend).</source>
            <translation>Сначала выберите видимую кривую (щёлкните её название в легенде).</translation>
        </message>
        <message>
            <source>Clear this level (not scored)</source>
            <translation>Очистить уровень (без оценки)</translation>
        </message>
        <message>
            <source>Rename factor…</source>
            <translation>Переименовать фактор…</translation>
        </message>
        <message>
            <source>Price-like: higher = dearer</source>
            <translation>Ценовой: выше = дороже</translation>
        </message>
        <message>
            <source>Move left</source>
            <translation>Левее</translation>
        </message>
        <message>
            <source>Move right</source>
            <translation>Правее</translation>
        </message>
        <message>
            <source>Delete factor</source>
            <translation>Удалить фактор</translation>
        </message>
        <message>
            <source>Reorder factors</source>
            <translation>Изменить порядок факторов</translation>
        </message>
        <message>
            <source>Rename factor</source>
            <translation>Переименовать фактор</translation>
        </message>
        <message>
            <source>Offering level</source>
            <translation>Уровень предложения</translation>
        </message>
        <message>
            <source>not offered</source>
            <translation>не предлагается</translation>
        </message>
    </context>
    <context>
        <name>ChecksPanel</name>
        <message>
            <source>✓  No findings</source>
            <translation>✓  Замечаний нет</translation>
        </message>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n ошибка</numerusform>
                <numerusform>%n ошибки</numerusform>
                <numerusform>%n ошибок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n предупреждение</numerusform>
                <numerusform>%n предупреждения</numerusform>
                <numerusform>%n предупреждений</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hint(s)</source>
            <translation>
                <numerusform>%n подсказка</numerusform>
                <numerusform>%n подсказки</numerusform>
                <numerusform>%n подсказок</numerusform>
            </translation>
        </message>
        <message>
            <source>Double-click a finding to go to it</source>
            <translation>Двойной щелчок по замечанию — перейти к нему</translation>
        </message>
    </context>
    <context>
        <name>ClientsPage</name>
        <message>
            <source>Who our clients are and what hurts them</source>
            <translation>Кто наши клиенты и что у них болит</translation>
        </message>
        <message>
            <source>No client segments yet.</source>
            <translation>Клиентских сегментов пока нет.</translation>
        </message>
        <message>
            <source>Pains</source>
            <translation>Боли</translation>
        </message>
        <message>
            <source>What we offer</source>
            <translation>Что мы предлагаем</translation>
        </message>
    </context>
    <context>
        <name>CurveRow</name>
        <message>
            <source>Show this curve on the chart</source>
            <translation>Показывать эту кривую на графике</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Цвет</translation>
        </message>
        <message>
            <source>Curve name</source>
            <translation>Название кривой</translation>
        </message>
        <message>
            <source>Reference: the industry curve the ERRC grid is judged against (one per canvas)</source>
            <translation>Эталон: отраслевая кривая, с которой сравнивается решётка «упразднить — снизить — повысить — создать» (одна на канву)</translation>
        </message>
        <message>
            <source>Draw earlier (further back)</source>
            <translation>Рисовать раньше (дальше на заднем плане)</translation>
        </message>
        <message>
            <source>Draw later (further in front)</source>
            <translation>Рисовать позже (ближе к переднему плану)</translation>
        </message>
        <message>
            <source>Delete this curve</source>
            <translation>Удалить эту кривую</translation>
        </message>
        <message>
            <source>Other colour…</source>
            <translation>Другой цвет…</translation>
        </message>
        <message>
            <source>Curve colour</source>
            <translation>Цвет кривой</translation>
        </message>
    </context>
    <context>
        <name>CurvesPanel</name>
        <message>
            <source>As is</source>
            <translation>Как есть</translation>
        </message>
        <message>
            <source>To be</source>
            <translation>Как будет</translation>
        </message>
        <message>
            <source>Competitor</source>
            <translation>Конкурент</translation>
        </message>
        <message>
            <source>Alternative</source>
            <translation>Альтернатива</translation>
        </message>
        <message>
            <source>Blue</source>
            <translation>Синий</translation>
        </message>
        <message>
            <source>Vermillion</source>
            <translation>Киноварный</translation>
        </message>
        <message>
            <source>Bluish green</source>
            <translation>Сине-зелёный</translation>
        </message>
        <message>
            <source>Reddish purple</source>
            <translation>Красно-пурпурный</translation>
        </message>
        <message>
            <source>Orange</source>
            <translation>Оранжевый</translation>
        </message>
        <message>
            <source>Sky blue</source>
            <translation>Небесно-голубой</translation>
        </message>
        <message>
            <source>Yellow</source>
            <translation>Жёлтый</translation>
        </message>
        <message>
            <source>Black</source>
            <translation>Чёрный</translation>
        </message>
        <message>
            <source>Add curve</source>
            <translation>Добавить кривую</translation>
        </message>
        <message>
            <source>Mark reference curve</source>
            <translation>Отметить эталонную кривую</translation>
        </message>
        <message>
            <source>Reorder curves</source>
            <translation>Изменить порядок кривых</translation>
        </message>
        <message>
            <source>Delete curve</source>
            <translation>Удалить кривую</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <source>Kept: %1 of those measured</source>
            <translation>Выполнено: %1 из измеренных</translation>
        </message>
        <message>
            <source>No verdicts yet</source>
            <translation>Оценок пока нет</translation>
        </message>
        <message>
            <source>Whole organisation</source>
            <translation>Вся организация</translation>
        </message>
        <message>
            <source>Import figures</source>
            <translation>Импорт значений</translation>
        </message>
        <message>
            <source>Tables of figures (*.xlsx *.csv)</source>
            <translation>Таблицы значений (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>The table of figures cannot be read: %1</source>
            <translation>Таблицу значений не удалось прочитать: %1</translation>
        </message>
        <message>
            <source>%1 figure(s) imported, %2 replaced.</source>
            <translation>Импортировано значений: %1, заменено: %2.</translation>
        </message>
        <message>
            <source>Rows not taken: %1</source>
            <translation>Не взяты строки: %1</translation>
        </message>
        <message>
            <source>Handout for the team</source>
            <translation>Материалы для команды</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Handout for the team saved: %1</source>
            <translation>Материалы для команды сохранены: %1</translation>
        </message>
        <message>
            <source>The dashboard shows the figures; type them on the Figures table of the Workshop page.</source>
            <translation>Дашборд показывает значения; вводите их в таблице «Цифры» на странице «Сессия».</translation>
        </message>
        <message>
            <source>Dashboard · transparency in figures</source>
            <translation>Дашборд · прозрачность в цифрах</translation>
        </message>
        <message>
            <source>One dashboard of every client and internal metric: each promise and each team's success indicator with its target, its latest figures and whether it is kept. Type the figures on the Figures table of the Workshop page or import them from a spreadsheet.</source>
            <translation>Единый дашборд всех клиентских и внутренних метрик: каждое обещание и показатель успеха каждой команды — цель, последние значения и выполнено ли. Вводите значения в таблице «Цифры» на странице «Сессия» или импортируйте их из электронной таблицы.</translation>
        </message>
        <message>
            <source>Import figures…</source>
            <translation>Импорт значений…</translation>
        </message>
        <message>
            <source>Add figures from a .xlsx or .csv table with the columns Period, Promise or team, Value, Met (one undo takes them back)</source>
            <translation>Добавить значения из таблицы .xlsx или .csv со столбцами «Период», «Обещание или команда», «Значение», «Выполнено» (одна отмена убирает их все)</translation>
        </message>
        <message>
            <source>Handout for the team…</source>
            <translation>Материалы для команды…</translation>
        </message>
        <message>
            <source>A read-only PDF of the chosen team's promises, figures and economics, to hand to its people</source>
            <translation>PDF только для чтения с обещаниями, значениями и экономикой выбранной команды — чтобы раздать её людям</translation>
        </message>
    </context>
    <context>
        <name>DiagramEditorTools</name>
        <message>
            <source>Picture copied to the clipboard.</source>
            <translation>Картинка скопирована в буфер обмена.</translation>
        </message>
    </context>
    <context>
        <name>DiagramScene</name>
        <message>
            <source>Selected by {names}</source>
            <translation>Выделено: {names}</translation>
        </message>
    </context>
    <context>
        <name>DiagramView</name>
        <message numerus="yes">
            <source>%Ln bundle(s)</source>
            <translation>
                <numerusform>%Ln пучке</numerusform>
                <numerusform>%Ln пучках</numerusform>
                <numerusform>%Ln пучках</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Summary: %Ln link(s) in %1. Zoom in to see each link.</source>
            <translation>
                <numerusform>Сводка: %Ln связь в %1. Приблизьте, чтобы увидеть каждую связь.</numerusform>
                <numerusform>Сводка: %Ln связи в %1. Приблизьте, чтобы увидеть каждую связь.</numerusform>
                <numerusform>Сводка: %Ln связей в %1. Приблизьте, чтобы увидеть каждую связь.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DialogTexts</name>
        <message numerus="yes">
            <source>%n unsaved change(s) can be restored.</source>
            <translation>
                <numerusform>Можно восстановить %n несохранённое изменение.</numerusform>
                <numerusform>Можно восстановить %n несохранённых изменения.</numerusform>
                <numerusform>Можно восстановить %n несохранённых изменений.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EconomicsPage</name>
        <message>
            <source>Stage 7 · Calculate the teams' economics and develop the motivation of every participant. The internal market: for a priced internal promise the team that receives it pays the team that gives it every month. Select a team to edit its members' shares.</source>
            <translation>Этап 7 · Рассчитать экономику команд и разработать мотивацию каждого участника. Внутренний рынок: за внутреннее обещание с ценой команда, которая его получает, каждый месяц платит команде, которая его даёт. Выберите команду, чтобы изменить доли её участников.</translation>
        </message>
    </context>
    <context>
        <name>EditWords</name>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n изменение</numerusform>
                <numerusform>%n изменения</numerusform>
                <numerusform>%n изменений</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EditorPage</name>
        <message>
            <source>This editor is coming.</source>
            <translation>Этот редактор скоро появится.</translation>
        </message>
    </context>
    <context>
        <name>ErrcGrid</name>
        <message>
            <source>Eliminate</source>
            <translation>Упразднить</translation>
        </message>
        <message>
            <source>Reduce</source>
            <translation>Снизить</translation>
        </message>
        <message>
            <source>Raise</source>
            <translation>Повысить</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Создать</translation>
        </message>
        <message>
            <source>Not decided</source>
            <translation>Не решено</translation>
        </message>
        <message>
            <source>Suggested from the curves (to be %1, reference %2): click to accept</source>
            <translation>Подсказано по кривым (будет %1, эталон %2): щёлкните, чтобы принять</translation>
        </message>
        <message>
            <source>Drag to another quadrant to change the action.</source>
            <translation>Перетащите в другой квадрант, чтобы сменить действие.</translation>
        </message>
        <message>
            <source>Set ERRC action of “%1”</source>
            <translation>Действие решётки для «%1»</translation>
        </message>
        <message>
            <source>Accept ERRC suggestions</source>
            <translation>Принять подсказки решётки</translation>
        </message>
        <message>
            <source>Accept ERRC suggestion</source>
            <translation>Принять подсказку решётки</translation>
        </message>
    </context>
    <context>
        <name>ErrcPanel</name>
        <message>
            <source>Suggest from curves</source>
            <translation>Подсказать по кривым</translation>
        </message>
        <message>
            <source>Compare the to-be curve with the reference curve and suggest actions</source>
            <translation>Сравнить кривую «как будет» с эталонной и подсказать действия</translation>
        </message>
        <message>
            <source>Accept all</source>
            <translation>Принять все</translation>
        </message>
        <message>
            <source>Suggestions need a visible to-be curve and a reference curve (mark one in Curves).</source>
            <translation>Для подсказок нужны видимая кривая «как будет» и эталонная кривая (отметьте её в разделе «Кривые»).</translation>
        </message>
        <message>
            <source>The grid agrees with the curves: nothing to suggest.</source>
            <translation>Решётка согласуется с кривыми — подсказывать нечего.</translation>
        </message>
        <message>
            <source>Dashed chips are suggestions: click one, or Accept, to apply it.</source>
            <translation>Пунктирные метки — подсказки: щёлкните метку или «Принять», чтобы применить.</translation>
        </message>
        <message>
            <source>%1: %2 → %3 (to be %4, reference %5)</source>
            <translation>%1: %2 → %3 (будет %4, эталон %5)</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Принять</translation>
        </message>
    </context>
    <context>
        <name>FactorPanel</name>
        <message>
            <source>Select a factor on the chart, in the table or in the ERRC grid to edit its details.</source>
            <translation>Выберите фактор на графике, в таблице или в решётке, чтобы изменить его подробности.</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>Фактор</translation>
        </message>
        <message>
            <source>Description (printed in the handout)</source>
            <translation>Описание (печатается в раздаточных материалах)</translation>
        </message>
        <message>
            <source>ERRC action</source>
            <translation>Действие решётки</translation>
        </message>
        <message>
            <source>ERRC note (printed in the handout)</source>
            <translation>Примечание к решётке (печатается в раздаточных материалах)</translation>
        </message>
        <message>
            <source>▲ Higher means dearer (a price-like factor)</source>
            <translation>▲ Выше — значит дороже (ценовой фактор)</translation>
        </message>
        <message>
            <source>Rename factor</source>
            <translation>Переименовать фактор</translation>
        </message>
        <message>
            <source>Edit factor description</source>
            <translation>Изменить описание фактора</translation>
        </message>
        <message>
            <source>Edit ERRC note</source>
            <translation>Изменить примечание к решётке</translation>
        </message>
        <message>
            <source>Change price-like mark</source>
            <translation>Изменить признак ценового фактора</translation>
        </message>
        <message>
            <source>Set ERRC action of “%1”</source>
            <translation>Действие решётки для «%1»</translation>
        </message>
    </context>
    <context>
        <name>FindingsPage</name>
        <message>
            <source>Nothing open</source>
            <translation>Открытых вопросов нет</translation>
        </message>
        <message>
            <source>The methodology checks find no gaps in this workshop.</source>
            <translation>Методические проверки не находят пробелов в этой сессии.</translation>
        </message>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n ошибка</numerusform>
                <numerusform>%n ошибки</numerusform>
                <numerusform>%n ошибок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n предупреждение</numerusform>
                <numerusform>%n предупреждения</numerusform>
                <numerusform>%n предупреждений</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hint(s)</source>
            <translation>
                <numerusform>%n подсказка</numerusform>
                <numerusform>%n подсказки</numerusform>
                <numerusform>%n подсказок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open question(s)</source>
            <translation>
                <numerusform>%n открытый вопрос</numerusform>
                <numerusform>%n открытых вопроса</numerusform>
                <numerusform>%n открытых вопросов</numerusform>
            </translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Ошибки</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Предупреждения</translation>
        </message>
        <message>
            <source>Hints</source>
            <translation>Подсказки</translation>
        </message>
    </context>
    <context>
        <name>Footer</name>
        <message>
            <source>Lock</source>
            <translation>Блокировка</translation>
        </message>
        <message>
            <source>Lock the drawing while pointing at it (L): the mouse cannot move anything; paging still works</source>
            <translation>Заблокировать рисунок, пока вы на него указываете (L): мышь ничего не сдвинет, листать можно</translation>
        </message>
        <message>
            <source>Leave the presentation (Esc)</source>
            <translation>Выйти из показа (Esc)</translation>
        </message>
    </context>
    <context>
        <name>GoalPage</name>
        <message>
            <source>The evolutionary goal is not set yet.</source>
            <translation>Эволюционная цель ещё не задана.</translation>
        </message>
        <message>
            <source>Root values</source>
            <translation>Корневые ценности</translation>
        </message>
    </context>
    <context>
        <name>GrantList</name>
        <message>
            <source>Add (Insert)</source>
            <translation>Добавить (Insert)</translation>
        </message>
        <message>
            <source>Remove (Delete)</source>
            <translation>Удалить (Delete)</translation>
        </message>
        <message>
            <source>Move up (Alt+Up)</source>
            <translation>Выше (Alt+↑)</translation>
        </message>
        <message>
            <source>Move down (Alt+Down)</source>
            <translation>Ниже (Alt+↓)</translation>
        </message>
        <message>
            <source>Granted</source>
            <translation>Предоставлено</translation>
        </message>
        <message>
            <source>Not granted yet</source>
            <translation>Ещё не предоставлено</translation>
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message>
            <source>Import promises: %1</source>
            <translation>Импорт обещаний: %1</translation>
        </message>
        <message>
            <source>Columns of the table</source>
            <translation>Столбцы таблицы</translation>
        </message>
        <message>
            <source>Header in the file</source>
            <translation>Заголовок в файле</translation>
        </message>
        <message>
            <source>Read as</source>
            <translation>Читать как</translation>
        </message>
        <message>
            <source>First value</source>
            <translation>Первое значение</translation>
        </message>
        <message>
            <source>Each column is read as the field on its right: change it if wrong.</source>
            <translation>Каждый столбец читается как поле справа от него; исправьте, если неверно.</translation>
        </message>
        <message>
            <source>— not imported —</source>
            <translation>— не импортировать —</translation>
        </message>
        <message>
            <source>Will be created</source>
            <translation>Будет создано</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Строка</translation>
        </message>
        <message>
            <source>Promise</source>
            <translation>Обещание</translation>
        </message>
        <message>
            <source>What happens</source>
            <translation>Что будет</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Почему</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>No column is read as %1: choose one to import.</source>
            <translation>Ни один столбец не читается как «%1»: выберите столбец, чтобы импортировать.</translation>
        </message>
        <message>
            <source>No row of «%1» can be imported.</source>
            <translation>Ни одну строку «%1» импортировать нельзя.</translation>
        </message>
        <message numerus="yes">
            <source>%n promise(s) will be added from «%1».</source>
            <translation>
                <numerusform>Из «%1» будет добавлено %n обещание.</numerusform>
                <numerusform>Из «%1» будет добавлено %n обещания.</numerusform>
                <numerusform>Из «%1» будет добавлено %n обещаний.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) will be skipped.</source>
            <translation>
                <numerusform>%n строка будет пропущена.</numerusform>
                <numerusform>%n строки будут пропущены.</numerusform>
                <numerusform>%n строк будут пропущены.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import %n promise(s)</source>
            <translation>
                <numerusform>Импортировать %n обещание</numerusform>
                <numerusform>Импортировать %n обещания</numerusform>
                <numerusform>Импортировать %n обещаний</numerusform>
            </translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Импортировать</translation>
        </message>
        <message>
            <source>Not read: another column is read as «%1».</source>
            <translation>Не читается: как «%1» читается другой столбец.</translation>
        </message>
        <message>
            <source>Not recognised: choose the field it holds, if any.</source>
            <translation>Не распознан: выберите, какое поле в нём, если есть.</translation>
        </message>
        <message>
            <source>New teams</source>
            <translation>Новые команды</translation>
        </message>
        <message>
            <source>New client segments</source>
            <translation>Новые клиентские сегменты</translation>
        </message>
        <message>
            <source>New root values</source>
            <translation>Новые корневые ценности</translation>
        </message>
        <message>
            <source>Nothing: every team, segment and value exists already.</source>
            <translation>Ничего: все команды, сегменты и ценности уже есть.</translation>
        </message>
        <message>
            <source>Rows with remarks (%1)</source>
            <translation>Строки с замечаниями (%1)</translation>
        </message>
        <message>
            <source>not imported</source>
            <translation>не импортируется</translation>
        </message>
        <message>
            <source>imported</source>
            <translation>импортируется</translation>
        </message>
        <message>
            <source>Every row will be imported.</source>
            <translation>Все строки будут импортированы.</translation>
        </message>
    </context>
    <context>
        <name>JoinDialog</name>
        <message>
            <source>Type the address shown on the host's screen, e.g. 192.168.1.5:8765.</source>
            <translation>Введите адрес с экрана ведущего ноутбука, например 192.168.1.5:8765.</translation>
        </message>
        <message>
            <source>Type the code shown on the host's screen.</source>
            <translation>Введите код с экрана ведущего ноутбука.</translation>
        </message>
        <message>
            <source>Join a shared workshop</source>
            <translation>Присоединиться к совместной сессии</translation>
        </message>
        <message>
            <source>Join the workshop another laptop shares on this network. It opens as a new workshop here; your edits and theirs appear on every laptop. A link (clientocracy://…) pasted into the address fills in both.</source>
            <translation>Присоединиться к сессии, которую другой ноутбук открыл в этой сети. Здесь она откроется как новая; ваши и их правки появятся на каждом ноутбуке. Ссылка (clientocracy://…), вставленная в поле адреса, заполнит и адрес, и код.</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Адрес:</translation>
        </message>
        <message>
            <source>Code:</source>
            <translation>Код:</translation>
        </message>
        <message>
            <source>Your name or group:</source>
            <translation>Ваше имя или группа:</translation>
        </message>
        <message>
            <source>shown to the facilitator, e.g. Group 2: Delivery</source>
            <translation>видно ведущему, например «Группа 2: Доставка»</translation>
        </message>
        <message>
            <source>Join</source>
            <translation>Присоединиться</translation>
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <source>(reference)</source>
            <translation>(эталон)</translation>
        </message>
        <message>
            <source>higher = dearer</source>
            <translation>выше = дороже</translation>
        </message>
        <message>
            <source>%1 — click to draw this curve with the mouse and keys</source>
            <translation>%1 — щёлкните, чтобы рисовать эту кривую мышью и клавишами</translation>
        </message>
        <message>
            <source>no root value</source>
            <translation>без корневой ценности</translation>
        </message>
        <message>
            <source>not empowered: accepted or kept without all it needs</source>
            <translation>без полномочий: принято или выполнено без всего необходимого</translation>
        </message>
        <message>
            <source>several promises between the same two parties</source>
            <translation>несколько обещаний между одними и теми же участниками</translation>
        </message>
        <message>
            <source>latest figure: met or not met (see the Dashboard)</source>
            <translation>последнее значение: выполнено или нет (см. дашборд)</translation>
        </message>
    </context>
    <context>
        <name>LevelsModel</name>
        <message>
            <source>Price-like: a higher level means dearer for the buyer</source>
            <translation>Ценовой: чем выше уровень, тем дороже для покупателя</translation>
        </message>
        <message>
            <source>Not scored yet: type a level</source>
            <translation>Ещё не оценено: введите уровень</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>Фактор</translation>
        </message>
        <message>
            <source>Price-like factor: higher = dearer</source>
            <translation>Ценовой фактор: выше = дороже</translation>
        </message>
        <message>
            <source>Rename factor</source>
            <translation>Переименовать фактор</translation>
        </message>
        <message>
            <source>“%1” is not a level: type a number from %2 to %3</source>
            <translation>«%1» — не уровень: введите число от %2 до %3</translation>
        </message>
        <message>
            <source>%1 is outside the scale: type a level from %2 to %3</source>
            <translation>%1 — вне шкалы: введите уровень от %2 до %3</translation>
        </message>
    </context>
    <context>
        <name>LevelsTable</name>
        <message>
            <source>Clear levels</source>
            <translation>Очистить уровни</translation>
        </message>
    </context>
    <context>
        <name>LiveControl</name>
        <message>
            <source>Facilitator</source>
            <translation>Ведущий</translation>
        </message>
        <message>
            <source>Share on this network</source>
            <translation>Совместная работа по сети</translation>
        </message>
        <message>
            <source>Could not share on {address}:{port}: {reason}</source>
            <translation>Не удалось открыть доступ на {address}:{port}: {reason}</translation>
        </message>
        <message>
            <source>Shared workshop</source>
            <translation>Совместная сессия</translation>
        </message>
        <message>
            <source>A participant</source>
            <translation>Участник</translation>
        </message>
        <message numerus="yes">
            <source>Sharing on %1 · %n laptop(s) connected</source>
            <translation>
                <numerusform>Доступ на %1 · подключён %n ноутбук</numerusform>
                <numerusform>Доступ на %1 · подключено %n ноутбука</numerusform>
                <numerusform>Доступ на %1 · подключено %n ноутбуков</numerusform>
            </translation>
        </message>
        <message>
            <source> · editing locked</source>
            <translation> · правка запрещена</translation>
        </message>
        <message>
            <source>The facilitator has locked editing on this laptop for now: you can watch</source>
            <translation>Ведущий пока запретил правку на этом ноутбуке: можно смотреть</translation>
        </message>
        <message>
            <source>Connected to {address}</source>
            <translation>Подключено к {address}</translation>
        </message>
        <message>
            <source>Connecting to {address}…</source>
            <translation>Подключение к {address}…</translation>
        </message>
        <message>
            <source>Connection to {address} lost: working offline, reconnecting…</source>
            <translation>Связь с {address} потеряна: работа без сети, переподключение…</translation>
        </message>
        <message>
            <source>Offline: your edits are kept and sent when you reconnect</source>
            <translation>Без сети: ваши правки сохранены и будут отправлены при подключении</translation>
        </message>
        <message>
            <source>{address} refused the code</source>
            <translation>{address} не принял код</translation>
        </message>
        <message>
            <source>Cannot reach {address} yet: check the address and that this laptop is on the host's network. Trying again…</source>
            <translation>Пока не удаётся связаться с {address}: проверьте адрес и что этот ноутбук в сети ведущего. Пробуем снова…</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>Нет подключения</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>New workshop</source>
            <translation>Новая сессия</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Сохранено: {path}</translation>
        </message>
        <message>
            <source>This is drawn in an editor that is coming; it cannot be shown yet.</source>
            <translation>Это рисуется в редакторе, который скоро появится; показать пока нельзя.</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Найти</translation>
        </message>
        <message>
            <source>Find objects whose text contains:</source>
            <translation>Найти объекты, в тексте которых есть:</translation>
        </message>
        <message numerus="yes">
            <source>%n object(s) found</source>
            <translation>
                <numerusform>Найден %n объект</numerusform>
                <numerusform>Найдено %n объекта</numerusform>
                <numerusform>Найдено %n объектов</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing found for “{text}”</source>
            <translation>Ничего не найдено по запросу «{text}»</translation>
        </message>
        <message>
            <source>&amp;Undo {edit}</source>
            <translation>&amp;Отменить: {edit}</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <source>&amp;Redo {edit}</source>
            <translation>&amp;Повторить: {edit}</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <source>Open a workshop first.</source>
            <translation>Сначала откройте сессию.</translation>
        </message>
        <message>
            <source>This works in a drawing editor: the strategy canvas, the structure or the promise map.</source>
            <translation>Это работает в редакторах-схемах: на стратегической канве, в структуре и на карте обещаний.</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>&amp;Крупнее</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>&amp;Мельче</translation>
        </message>
        <message>
            <source>&amp;Fit to window</source>
            <translation>&amp;Вписать в окно</translation>
        </message>
        <message>
            <source>Exporting to {path}…</source>
            <translation>Экспорт в {path}…</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>Экспортировано: {path}</translation>
        </message>
        <message>
            <source>The method's 9 stages</source>
            <translation>9 этапов метода</translation>
        </message>
        <message>
            <source>About Clientocracy Studio</source>
            <translation>О программе Clientocracy Studio</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Clientocracy Studio {version}&lt;/h3&gt;&lt;p&gt;For consultants who run Clientocracy workshops with a company's leadership: client segments and pains, the strategy canvas, the structure from the client, promises, team economics, indicators and experiments.&lt;/p&gt;&lt;p&gt;Fonts: PT Sans (SIL Open Font License), DejaVu Sans, Symbola.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Clientocracy Studio {version}&lt;/h3&gt;&lt;p&gt;Для консультантов, которые проводят стратегические сессии по Клиентократии с руководством компании: клиентские сегменты и боли, стратегическая канва, структура от клиента, обещания, экономика команд, показатели успеха и эксперименты.&lt;/p&gt;&lt;p&gt;Шрифты: PT Sans (SIL Open Font License), DejaVu Sans, Symbola.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Stages</source>
            <translation>Этапы</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Проверки</translation>
        </message>
        <message>
            <source>History</source>
            <translation>История</translation>
        </message>
        <message>
            <source>Snapshots</source>
            <translation>Снимки</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Открыто</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Root values</source>
            <translation>Корневые ценности</translation>
        </message>
        <message>
            <source>Client segments</source>
            <translation>Клиентские сегменты</translation>
        </message>
        <message>
            <source>Pains</source>
            <translation>Боли</translation>
        </message>
        <message>
            <source>Value propositions</source>
            <translation>Ценностные предложения</translation>
        </message>
        <message>
            <source>Strategy canvases</source>
            <translation>Стратегические канвы</translation>
        </message>
        <message>
            <source>Teams</source>
            <translation>Команды</translation>
        </message>
        <message>
            <source>Structure links</source>
            <translation>Связи в структуре</translation>
        </message>
        <message>
            <source>Promises</source>
            <translation>Обещания</translation>
        </message>
        <message>
            <source>Experiments</source>
            <translation>Эксперименты</translation>
        </message>
        <message>
            <source>Factors</source>
            <translation>Факторы</translation>
        </message>
        <message>
            <source>Value curves</source>
            <translation>Кривые ценности</translation>
        </message>
        <message>
            <source>Readings</source>
            <translation>Замеры</translation>
        </message>
        <message>
            <source>Root value</source>
            <translation>Корневая ценность</translation>
        </message>
        <message>
            <source>Client segment</source>
            <translation>Клиентский сегмент</translation>
        </message>
        <message>
            <source>Pain</source>
            <translation>Боль</translation>
        </message>
        <message>
            <source>Value proposition</source>
            <translation>Ценностное предложение</translation>
        </message>
        <message>
            <source>Strategy canvas</source>
            <translation>Стратегическая канва</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <source>Structure link</source>
            <translation>Связь в структуре</translation>
        </message>
        <message>
            <source>Promise</source>
            <translation>Обещание</translation>
        </message>
        <message>
            <source>Experiment</source>
            <translation>Эксперимент</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>Фактор</translation>
        </message>
        <message>
            <source>Value curve</source>
            <translation>Кривая ценности</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>Замер</translation>
        </message>
        <message>
            <source>Merge another copy</source>
            <translation>Слить другую копию</translation>
        </message>
        <message>
            <source>Changed in this workshop (mine)</source>
            <translation>Изменено в этой сессии (моё)</translation>
        </message>
        <message>
            <source>Changed in “{name}” (theirs)</source>
            <translation>Изменено в «{name}» (их)</translation>
        </message>
        <message>
            <source>Object</source>
            <translation>Объект</translation>
        </message>
        <message>
            <source>What differs</source>
            <translation>В чём расхождение</translation>
        </message>
        <message>
            <source>Mine (this workshop)</source>
            <translation>Моё (эта сессия)</translation>
        </message>
        <message>
            <source>Theirs ({name})</source>
            <translation>Их ({name})</translation>
        </message>
        <message>
            <source>Keep mine in every conflict</source>
            <translation>Оставить моё во всех расхождениях</translation>
        </message>
        <message>
            <source>Keep theirs in every conflict</source>
            <translation>Оставить их во всех расхождениях</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>Слить</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>The changes made in “{name}” since the two copies parted are brought into this workshop as one step (Undo takes it back).</source>
            <translation>Изменения, сделанные в «{name}» после того, как копии разошлись, вносятся в эту сессию одним шагом (отмена вернёт всё как было).</translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s): both copies changed the same thing. Choose what to keep in each.</source>
            <translation>
                <numerusform>%n расхождение: обе копии изменили одно и то же. Выберите, что оставить.</numerusform>
                <numerusform>%n расхождения: обе копии изменили одно и то же. Выберите, что оставить в каждом.</numerusform>
                <numerusform>%n расхождений: обе копии изменили одно и то же. Выберите, что оставить в каждом.</numerusform>
            </translation>
        </message>
        <message>
            <source>No conflicts: every change of both copies is kept.</source>
            <translation>Расхождений нет: все изменения обеих копий сохранены.</translation>
        </message>
        <message>
            <source>added</source>
            <translation>добавлено</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>изменено</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>удалено</translation>
        </message>
        <message>
            <source>Nothing changed</source>
            <translation>Ничего не изменено</translation>
        </message>
        <message>
            <source>Workshop details</source>
            <translation>Сведения о сессии</translation>
        </message>
        <message numerus="yes">
            <source>%n more {word}</source>
            <translation>
                <numerusform>ещё %n ({word})</numerusform>
                <numerusform>ещё %n ({word})</numerusform>
                <numerusform>ещё %n ({word})</numerusform>
            </translation>
        </message>
        <message>
            <source>{list} of «{canvas}»</source>
            <translation>{list} канвы «{canvas}»</translation>
        </message>
        <message>
            <source>Deleted in the other copy; here: {details}</source>
            <translation>Удалено в другой копии; здесь: {details}</translation>
        </message>
        <message>
            <source>Deleted here; in the other copy: {details}</source>
            <translation>Удалено здесь; в другой копии: {details}</translation>
        </message>
        <message>
            <source>Order of the list</source>
            <translation>Порядок списка</translation>
        </message>
        <message>
            <source>Reference curve</source>
            <translation>Эталонная кривая</translation>
        </message>
        <message>
            <source>Parent promise: together the copies make a cycle</source>
            <translation>Родительское обещание: вместе копии замыкают круг</translation>
        </message>
        <message>
            <source>Scale, with a level outside it: {levels}</source>
            <translation>Шкала, а уровень вне её: {levels}</translation>
        </message>
        <message>
            <source>Level on «{factor}»</source>
            <translation>Уровень по фактору «{factor}»</translation>
        </message>
        <message>
            <source>Place on the structure</source>
            <translation>Место на структуре</translation>
        </message>
        <message>
            <source>Place on the map</source>
            <translation>Место на карте обещаний</translation>
        </message>
        <message>
            <source>changed {fields}</source>
            <translation>изменено: {fields}</translation>
        </message>
        <message>
            <source>moved to another canvas</source>
            <translation>перенесено на другую канву</translation>
        </message>
        <message>
            <source>{kind} «{name}» refers to it</source>
            <translation>на него ссылается {kind} «{name}»</translation>
        </message>
        <message>
            <source>its {kind} «{name}» was added or changed</source>
            <translation>в нём добавлен или изменён {kind} «{name}»</translation>
        </message>
        <message>
            <source>the level of «{curve}» on «{factor}» was set</source>
            <translation>задан уровень кривой «{curve}» по фактору «{factor}»</translation>
        </message>
        <message>
            <source>it was moved on a diagram</source>
            <translation>перемещено на схеме</translation>
        </message>
        <message>
            <source>«{curve}» on «{factor}» is {level}</source>
            <translation>«{curve}» по фактору «{factor}»: {level}</translation>
        </message>
        <message>
            <source>delete</source>
            <translation>удалить</translation>
        </message>
        <message>
            <source>keep</source>
            <translation>оставить</translation>
        </message>
        <message>
            <source>«{promise}» supports «{parent}»</source>
            <translation>«{promise}» поддерживает «{parent}»</translation>
        </message>
        <message>
            <source>«{promise}» supports none</source>
            <translation>«{promise}» ничего не поддерживает</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <source>no</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>Share as a copy</source>
            <translation>Поделиться копией</translation>
        </message>
        <message>
            <source>copy</source>
            <translation>копия</translation>
        </message>
        <message>
            <source>A copy for a colleague was saved to {path}; merge it back with File ▸ Merge another copy…</source>
            <translation>Копия для коллеги сохранена в {path}; слейте её обратно через Файл ▸ Слить другую копию…</translation>
        </message>
        <message>
            <source>“{name}” does not say which copy it started from.</source>
            <translation>В «{name}» не сказано, с какой копии она начиналась.</translation>
        </message>
        <message>
            <source>Choose the copy both workshops started from.</source>
            <translation>Выберите копию, с которой начинались обе сессии.</translation>
        </message>
        <message>
            <source>The copy both started from</source>
            <translation>Общая исходная копия</translation>
        </message>
        <message>
            <source>“{name}” is not a copy of this workshop: they have nothing in common.</source>
            <translation>«{name}» — не копия этой сессии: у них нет ничего общего.</translation>
        </message>
        <message>
            <source>Merge “%1”</source>
            <translation>Слияние «%1»</translation>
        </message>
        <message>
            <source>Nothing to merge: this workshop already has every change of “{name}”.</source>
            <translation>Сливать нечего: в этой сессии уже есть все изменения «{name}».</translation>
        </message>
        <message numerus="yes">
            <source>Merged “{name}”: %n conflict(s) resolved. Undo takes the merge back.</source>
            <translation>
                <numerusform>Слито «{name}»: разрешено %n расхождение. Отмена вернёт всё как было.</numerusform>
                <numerusform>Слито «{name}»: разрешено %n расхождения. Отмена вернёт всё как было.</numerusform>
                <numerusform>Слито «{name}»: разрешено %n расхождений. Отмена вернёт всё как было.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MotivationInspector</name>
        <message>
            <source>Bonus basis</source>
            <translation>База премии</translation>
        </message>
        <message>
            <source>Percent to the bonus pool</source>
            <translation>Процент в фонд премий</translation>
        </message>
        <message>
            <source>Members' shares of the pool</source>
            <translation>Доли участников в фонде</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Участник</translation>
        </message>
        <message>
            <source>Share, %</source>
            <translation>Доля, %</translation>
        </message>
        <message>
            <source>Money</source>
            <translation>Сумма</translation>
        </message>
        <message>
            <source>Add member</source>
            <translation>Добавить участника</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Убрать</translation>
        </message>
        <message>
            <source>Share equally</source>
            <translation>Поровну</translation>
        </message>
        <message>
            <source>Give the lead and every member an equal share</source>
            <translation>Дать лидеру и каждому участнику равную долю</translation>
        </message>
        <message>
            <source>Select a team to see and edit the motivation of its members.</source>
            <translation>Выберите команду, чтобы увидеть и изменить мотивацию её участников.</translation>
        </message>
        <message>
            <source>Motivation</source>
            <translation>Мотивация</translation>
        </message>
        <message>
            <source>Motivation: %1</source>
            <translation>Мотивация: %1</translation>
        </message>
        <message>
            <source>The pool is a percent of the team's margin after settlement.</source>
            <translation>Фонд — процент от маржи команды после взаиморасчётов.</translation>
        </message>
        <message>
            <source>The pool is a percent of the team's revenue, from clients and from other teams.</source>
            <translation>Фонд — процент от выручки команды: от клиентов и от других команд.</translation>
        </message>
        <message>
            <source>The pool is a percent of the team's costs, paid when its success indicator is met.</source>
            <translation>Фонд — процент от затрат команды, выплачивается, когда достигнут её показатель успеха.</translation>
        </message>
        <message>
            <source>The council's pool rests on the whole organisation: its result or its revenue.</source>
            <translation>Фонд совета зависит от всей организации: от её результата или выручки.</translation>
        </message>
        <message>
            <source>Bonus pool: type a percent and the team's figures to see it.</source>
            <translation>Фонд премий: введите процент и цифры команды, чтобы его увидеть.</translation>
        </message>
        <message>
            <source>Bonus pool: %1 %2 a %3</source>
            <translation>Фонд премий: %1 %2 за %3</translation>
        </message>
        <message>
            <source>No shares yet: add the members or share the pool equally.</source>
            <translation>Долей пока нет: добавьте участников или разделите фонд поровну.</translation>
        </message>
        <message>
            <source>✓ Shares add up to 100 %</source>
            <translation>✓ Доли в сумме 100 %</translation>
        </message>
        <message>
            <source>⚠ Shares add up to %1 %, not 100 %</source>
            <translation>⚠ Доли в сумме %1 %, а не 100 %</translation>
        </message>
        <message>
            <source>Without a share: %1</source>
            <translation>Без доли: %1</translation>
        </message>
        <message>
            <source>⚠ Running experiments spend %1 %3 a month, %4 %3 over the budget of %2 %3 for experiments without approval</source>
            <translation>⚠ Идущие эксперименты тратят %1 %3 в месяц — на %4 %3 больше бюджета %2 %3 на эксперименты без согласования</translation>
        </message>
        <message>
            <source>Experiments without approval: running ones spend %1 of %2 %3 a month</source>
            <translation>Эксперименты без согласования: идущие тратят %1 из %2 %3 в месяц</translation>
        </message>
        <message>
            <source>“%1” is not a number.</source>
            <translation>«%1» — не число.</translation>
        </message>
        <message>
            <source>A percent of the basis is between 0 and 100.</source>
            <translation>Процент от базы — от 0 до 100.</translation>
        </message>
        <message>
            <source>A share is a percent of the pool, from 0 to 100.</source>
            <translation>Доля — процент от фонда, от 0 до 100.</translation>
        </message>
        <message>
            <source>New member</source>
            <translation>Новый участник</translation>
        </message>
        <message>
            <source>The team has no lead or members yet: add them on the Teams page.</source>
            <translation>В команде пока нет лидера и участников: добавьте их на странице «Команды».</translation>
        </message>
    </context>
    <context>
        <name>ObjectTableModel</name>
        <message>
            <source>“{text}” is not a number</source>
            <translation>«{text}» — не число</translation>
        </message>
        <message>
            <source>“{text}” is not a date: type it as YYYY-MM-DD</source>
            <translation>«{text}» — не дата: введите её как ГГГГ-ММ-ДД</translation>
        </message>
    </context>
    <context>
        <name>Presentation</name>
        <message>
            <source>Evolutionary goal</source>
            <translation>Эволюционная цель</translation>
        </message>
        <message>
            <source>Clients and pains</source>
            <translation>Клиенты и боли</translation>
        </message>
        <message>
            <source>Strategy canvas</source>
            <translation>Стратегическая канва</translation>
        </message>
        <message>
            <source>ERRC grid</source>
            <translation>Решётка «упразднить — снизить — повысить — создать»</translation>
        </message>
        <message>
            <source>Structure from the client</source>
            <translation>Структура от клиента</translation>
        </message>
        <message>
            <source>Promise map</source>
            <translation>Карта обещаний</translation>
        </message>
        <message>
            <source>Transparency in figures</source>
            <translation>Прозрачность в цифрах</translation>
        </message>
        <message>
            <source>Open findings</source>
            <translation>Открытые вопросы</translation>
        </message>
        <message>
            <source>Structure</source>
            <translation>Структура</translation>
        </message>
        <message>
            <source>Teams</source>
            <translation>Команды</translation>
        </message>
    </context>
    <context>
        <name>PresentationCanvas</name>
        <message>
            <source>Offering level</source>
            <translation>Уровень предложения</translation>
        </message>
        <message>
            <source>not offered</source>
            <translation>не предлагается</translation>
        </message>
        <message>
            <source>Reveal this curve first.</source>
            <translation>Сначала покажите эту кривую.</translation>
        </message>
        <message>
            <source>(reference)</source>
            <translation>(эталон)</translation>
        </message>
        <message>
            <source>Untitled canvas</source>
            <translation>Канва без названия</translation>
        </message>
        <message>
            <source>curve %1 of %2</source>
            <translation>кривая %1 из %2</translation>
        </message>
        <message>
            <source>Eliminate · Reduce · Raise · Create — what changes against the industry</source>
            <translation>Упразднить · Снизить · Повысить · Создать — что меняется по сравнению с отраслью</translation>
        </message>
    </context>
    <context>
        <name>PresentationDiagrams</name>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>и ещё %n</numerusform>
                <numerusform>и ещё %n</numerusform>
                <numerusform>и ещё %n</numerusform>
            </translation>
        </message>
        <message>
            <source>draft</source>
            <translation>черновик</translation>
        </message>
        <message>
            <source>negotiating</source>
            <translation>обсуждается</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>принято</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>выполнено</translation>
        </message>
        <message>
            <source>broken</source>
            <translation>нарушено</translation>
        </message>
        <message>
            <source>retired</source>
            <translation>снято</translation>
        </message>
        <message>
            <source>This editor is coming.</source>
            <translation>Этот редактор скоро появится.</translation>
        </message>
        <message numerus="yes">
            <source>%n client segment(s)</source>
            <translation>
                <numerusform>%n клиентский сегмент</numerusform>
                <numerusform>%n клиентских сегмента</numerusform>
                <numerusform>%n клиентских сегментов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n client-facing team(s)</source>
            <translation>
                <numerusform>%n клиентская команда</numerusform>
                <numerusform>%n клиентские команды</numerusform>
                <numerusform>%n клиентских команд</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n service team(s)</source>
            <translation>
                <numerusform>%n сервисная команда</numerusform>
                <numerusform>%n сервисные команды</numerusform>
                <numerusform>%n сервисных команд</numerusform>
            </translation>
        </message>
        <message>
            <source>the council of managers</source>
            <translation>совет управляющих</translation>
        </message>
        <message>
            <source>The organisation drawn from the client</source>
            <translation>Организация, нарисованная от клиента</translation>
        </message>
        <message>
            <source>team %1 of %2</source>
            <translation>команда %1 из %2</translation>
        </message>
        <message>
            <source>Its chain of promises</source>
            <translation>Её цепочка обещаний</translation>
        </message>
        <message>
            <source>Who promises what to whom</source>
            <translation>Кто что кому обещает</translation>
        </message>
        <message numerus="yes">
            <source>%n promise(s)</source>
            <translation>
                <numerusform>%n обещание</numerusform>
                <numerusform>%n обещания</numerusform>
                <numerusform>%n обещаний</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n accepted or kept</source>
            <translation>
                <numerusform>принято или выполнено: %n</numerusform>
                <numerusform>принято или выполнено: %n</numerusform>
                <numerusform>принято или выполнено: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Promises it makes</source>
            <translation>Обещания, которые она даёт</translation>
        </message>
        <message>
            <source>It relies on</source>
            <translation>Она опирается на</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>пока нет</translation>
        </message>
        <message>
            <source>not empowered: %1</source>
            <translation>без полномочий: %1</translation>
        </message>
    </context>
    <context>
        <name>PresentationKeys</name>
        <message>
            <source>next: reveal the next curve or team, then the next page</source>
            <translation>дальше: показать следующую кривую или команду, затем следующую страницу</translation>
        </message>
        <message>
            <source>back</source>
            <translation>назад</translation>
        </message>
        <message>
            <source>first page, last page</source>
            <translation>первая страница, последняя страница</translation>
        </message>
        <message>
            <source>lock the drawing while pointing (laser dot)</source>
            <translation>заблокировать рисунок при указании (лазерная точка)</translation>
        </message>
        <message>
            <source>timer: start or pause, reset, a minute more or less</source>
            <translation>таймер: запустить или приостановить, сбросить, на минуту больше или меньше</translation>
        </message>
        <message>
            <source>reveal the whole page</source>
            <translation>показать всю страницу</translation>
        </message>
        <message>
            <source>long texts in full (a team's description, its promises), or cut short again</source>
            <translation>длинные тексты целиком (описание команды, её обещания) или снова кратко</translation>
        </message>
        <message>
            <source>black or white screen</source>
            <translation>чёрный или белый экран</translation>
        </message>
        <message>
            <source>move to the next screen</source>
            <translation>перейти на следующий экран</translation>
        </message>
        <message>
            <source>undo, redo (the same history as the main window)</source>
            <translation>отменить, повторить (та же история, что в главном окне)</translation>
        </message>
        <message>
            <source>clear the selection, then leave the presentation</source>
            <translation>снять выделение, затем выйти из показа</translation>
        </message>
        <message>
            <source>leave the presentation at once</source>
            <translation>сразу выйти из показа</translation>
        </message>
        <message>
            <source>Keys of the presentation</source>
            <translation>Клавиши показа</translation>
        </message>
    </context>
    <context>
        <name>PresentationWindow</name>
        <message>
            <source>Only one screen is connected.</source>
            <translation>Подключён только один экран.</translation>
        </message>
        <message>
            <source>%1 — presentation</source>
            <translation>%1 — показ</translation>
        </message>
        <message>
            <source>Presentation</source>
            <translation>Показ</translation>
        </message>
        <message>
            <source>Locked: the mouse points, nothing moves. L unlocks.</source>
            <translation>Заблокировано: мышь только указывает, ничего не сдвигается. L — разблокировать.</translation>
        </message>
        <message>
            <source>Unlocked: the drawing can be edited again.</source>
            <translation>Разблокировано: рисунок снова можно менять.</translation>
        </message>
        <message>
            <source>Full texts shown. D shortens them again.</source>
            <translation>Тексты показаны целиком. D снова сокращает их.</translation>
        </message>
        <message>
            <source>Long texts shortened to a few lines. D shows them whole.</source>
            <translation>Длинные тексты сокращены до нескольких строк. D показывает их целиком.</translation>
        </message>
        <message>
            <source>This is the end of the story. Esc leaves the presentation.</source>
            <translation>Это конец истории. Esc — выйти из показа.</translation>
        </message>
    </context>
    <context>
        <name>PromiseImport</name>
        <message>
            <source>Who promises</source>
            <translation>Кто даёт</translation>
        </message>
        <message>
            <source>To whom</source>
            <translation>Кому</translation>
        </message>
        <message>
            <source>Promise</source>
            <translation>Обещание</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>Метрика</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Цель</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Authorities</source>
            <translation>Полномочия</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>Ресурсы</translation>
        </message>
        <message>
            <source>Root value</source>
            <translation>Корневая ценность</translation>
        </message>
        <message>
            <source>Supports (parent promise)</source>
            <translation>Поддерживает (родительское обещание)</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>Joint promisers (one team a line)</source>
            <translation>Совместно дают обещание (по команде в строке)</translation>
        </message>
        <message>
            <source>Alternative promisers (one team a line)</source>
            <translation>Альтернативные исполнители (по команде в строке)</translation>
        </message>
        <message>
            <source>the cell «{column}» is empty</source>
            <translation>пустая ячейка «{column}»</translation>
        </message>
        <message>
            <source>unknown status «{status}» ({statuses})</source>
            <translation>неизвестный статус «{status}» ({statuses})</translation>
        </message>
        <message>
            <source>«{name}» is a client segment, and a client never promises</source>
            <translation>«{name}» — клиентский сегмент, а клиент никогда не обещает</translation>
        </message>
        <message>
            <source>«{name}» cannot promise to itself</source>
            <translation>«{name}» не может обещать самой себе</translation>
        </message>
        <message>
            <source>several teams are called «{name}»; the first one is used</source>
            <translation>несколько команд называются «{name}»; взята первая</translation>
        </message>
        <message>
            <source>the promise it supports («{parent}») was not found; imported without it</source>
            <translation>поддерживаемое обещание («{parent}») не найдено; импортировано без него</translation>
        </message>
        <message>
            <source>several promises read «{parent}»; imported without the promise it supports</source>
            <translation>несколько обещаний звучат как «{parent}»; импортировано без поддерживаемого обещания</translation>
        </message>
        <message>
            <source>the promise it supports (row {parent_row}) was not imported; imported without it</source>
            <translation>поддерживаемое обещание (строка {parent_row}) не импортировано; импортировано без него</translation>
        </message>
        <message>
            <source>the promises it supports lead back to itself; imported without the promise it supports</source>
            <translation>цепочка поддерживаемых обещаний возвращается к нему самому; импортировано без поддерживаемого обещания</translation>
        </message>
        <message>
            <source>No header row with the columns «Кто даёт», «Кому» and «Обещание» was found.</source>
            <translation>Не найдена строка заголовков со столбцами «Кто даёт», «Кому» и «Обещание».</translation>
        </message>
        <message>
            <source>Old .xls workbooks are not read: save it as .xlsx or .csv.</source>
            <translation>Старые книги .xls не читаются: сохраните её как .xlsx или .csv.</translation>
        </message>
        <message>
            <source>A promise table is a .xlsx or .csv file.</source>
            <translation>Таблица обещаний — это файл .xlsx или .csv.</translation>
        </message>
        <message>
            <source>The file is not a readable Excel workbook.</source>
            <translation>Файл не читается как книга Excel.</translation>
        </message>
        <message>
            <source>The file is not a readable CSV table.</source>
            <translation>Файл не читается как таблица CSV.</translation>
        </message>
        <message>
            <source>The table is too large to import.</source>
            <translation>Таблица слишком велика для импорта.</translation>
        </message>
    </context>
    <context>
        <name>PromiseInspector</name>
        <message numerus="yes">
            <source>Receives %n promise(s). The map highlights every promise that reaches this client.</source>
            <translation>
                <numerusform>Получает %n обещание. На карте выделено всё, что доходит до этого клиента.</numerusform>
                <numerusform>Получает %n обещания. На карте выделено всё, что доходит до этого клиента.</numerusform>
                <numerusform>Получает %n обещаний. На карте выделено всё, что доходит до этого клиента.</numerusform>
            </translation>
        </message>
        <message>
            <source>Makes %1 and receives %2 promises. The map highlights its chain to the client.</source>
            <translation>Даёт обещаний: %1, получает: %2. На карте выделена её цепочка до клиента.</translation>
        </message>
        <message numerus="yes">
            <source>%n objects selected.</source>
            <translation>
                <numerusform>Выбран %n объект.</numerusform>
                <numerusform>Выбрано %n объекта.</numerusform>
                <numerusform>Выбрано %n объектов.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a promise on the map or in the table to see and edit it here.

Draw a promise: drag from a team to a client segment or to another team.</source>
            <translation>Выберите обещание на карте или в таблице, чтобы увидеть и изменить его здесь.

Чтобы нарисовать обещание, протяните стрелку от команды к клиентскому сегменту или к другой команде.</translation>
        </message>
        <message>
            <source>Promise</source>
            <translation>Обещание</translation>
        </message>
        <message>
            <source>Who promises</source>
            <translation>Кто даёт</translation>
        </message>
        <message>
            <source>To whom</source>
            <translation>Кому</translation>
        </message>
        <message>
            <source>Root value</source>
            <translation>Корневая ценность</translation>
        </message>
        <message>
            <source>Supports</source>
            <translation>Поддерживает</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>Метрика</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Цель</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Authorities</source>
            <translation>Полномочия</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>Ресурсы</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>Alternative promisers</source>
            <translation>Задвоение</translation>
        </message>
        <message>
            <source>The promise this one helps to keep (usually one the promisee made)</source>
            <translation>Обещание, которое это помогает выполнить (обычно данное получателем)</translation>
        </message>
        <message>
            <source>New authority</source>
            <translation>Новое полномочие</translation>
        </message>
        <message>
            <source>New resource</source>
            <translation>Новый ресурс</translation>
        </message>
        <message numerus="yes">
            <source>Supported by %n promise(s) — show</source>
            <translation>
                <numerusform>Поддерживает %n обещание — показать</numerusform>
                <numerusform>Поддерживают %n обещания — показать</numerusform>
                <numerusform>Поддерживают %n обещаний — показать</numerusform>
            </translation>
        </message>
        <message>
            <source>Approval steps: %1</source>
            <translation>Шагов согласования: %1</translation>
        </message>
        <message>
            <source>Approvals listed as authorities and supporting promises still under negotiation on this promise's chain: the path of approvals. None is the path from the client.</source>
            <translation>Согласования вместо полномочий и ещё обсуждаемые поддерживающие обещания в цепочке этого обещания — путь долгих согласований. Ноль — путь от клиента.</translation>
        </message>
        <message>
            <source>⚠ Marked “%1”, but not empowered. Not granted yet: %2</source>
            <translation>⚠ Отмечено «%1», но полномочий не хватает. Ещё не предоставлено: %2</translation>
        </message>
        <message>
            <source>⚠ Marked “%1”, but it lists no authority or resource: a team takes a promise only with everything it needs to keep it.</source>
            <translation>⚠ Отмечено «%1», но не указано ни одного полномочия или ресурса: команда берёт обещание, только получив всё нужное для его выполнения.</translation>
        </message>
        <message>
            <source>— none: a root promise —</source>
            <translation>— нет: корневое обещание —</translation>
        </message>
        <message>
            <source>Marked %1 while it lists no authorities or resources</source>
            <translation>Отмечено как «%1», хотя не указано ни полномочий, ни ресурсов</translation>
        </message>
    </context>
    <context>
        <name>PromiseMap</name>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>и ещё %n</numerusform>
                <numerusform>и ещё %n</numerusform>
                <numerusform>и ещё %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n promise(s)</source>
            <translation>
                <numerusform>%n обещание</numerusform>
                <numerusform>%n обещания</numerusform>
                <numerusform>%n обещаний</numerusform>
            </translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>Метрика</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Цель</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Missing authorities</source>
            <translation>Не хватает полномочий</translation>
        </message>
        <message>
            <source>Missing resources</source>
            <translation>Не хватает ресурсов</translation>
        </message>
        <message>
            <source>Approval steps: %1</source>
            <translation>Шагов согласования: %1</translation>
        </message>
        <message>
            <source>What does “%1” promise to “%2”? Enter adds it, Escape drops it</source>
            <translation>Что «%1» обещает «%2»? Enter — добавить, Escape — отказаться</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Переименовать</translation>
        </message>
        <message numerus="yes">
            <source>Move %n part(ies)</source>
            <translation>
                <numerusform>Переместить %n элемент</numerusform>
                <numerusform>Переместить %n элемента</numerusform>
                <numerusform>Переместить %n элементов</numerusform>
            </translation>
        </message>
        <message>
            <source>Add promise</source>
            <translation>Добавить обещание</translation>
        </message>
        <message>
            <source>Drop the arrow on the client segment or the team that receives the promise.</source>
            <translation>Отпустите стрелку на клиентском сегменте или команде, которые получают обещание.</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n item(s)</source>
            <translation>
                <numerusform>Удалить %n элемент</numerusform>
                <numerusform>Удалить %n элемента</numerusform>
                <numerusform>Удалить %n элементов</numerusform>
            </translation>
        </message>
        <message>
            <source>Arrange in layers</source>
            <translation>Расставить слоями</translation>
        </message>
        <message>
            <source>Align</source>
            <translation>Выровнять</translation>
        </message>
        <message>
            <source>Select two or more parties to align them.</source>
            <translation>Чтобы выровнять, выберите двух или более участников.</translation>
        </message>
        <message>
            <source>Distribute</source>
            <translation>Распределить</translation>
        </message>
        <message>
            <source>Select three or more parties to distribute them.</source>
            <translation>Чтобы распределить, выберите трёх или более участников.</translation>
        </message>
        <message>
            <source>Makes %1 promises, receives %2</source>
            <translation>Даёт обещаний: %1, получает: %2</translation>
        </message>
        <message>
            <source>A client segment cannot promise: draw from a team to a segment or to another team.</source>
            <translation>Клиентский сегмент не может обещать: проведите стрелку от команды к сегменту или к другой команде.</translation>
        </message>
        <message>
            <source>A promise goes from a team to a segment or to another team.</source>
            <translation>Обещание идёт от команды к сегменту или к другой команде.</translation>
        </message>
        <message>
            <source>A team cannot promise to itself.</source>
            <translation>Команда не может обещать самой себе.</translation>
        </message>
        <message>
            <source>Add structure link</source>
            <translation>Добавить связь в структуре</translation>
        </message>
        <message>
            <source>Add structure links</source>
            <translation>Добавить связи в структуре</translation>
        </message>
        <message>
            <source>Draft missing promises</source>
            <translation>Набросать недостающие обещания</translation>
        </message>
        <message numerus="yes">
            <source>Arrows are drawn for the parties in view: %n promise(s) elsewhere are left out at this zoom. Zoom out to see the whole map.</source>
            <translation>
                <numerusform>Стрелки показаны для участников в окне: %n обещание за его пределами при этом масштабе не показано. Уменьшите масштаб, чтобы увидеть всю карту.</numerusform>
                <numerusform>Стрелки показаны для участников в окне: %n обещания за его пределами при этом масштабе не показаны. Уменьшите масштаб, чтобы увидеть всю карту.</numerusform>
                <numerusform>Стрелки показаны для участников в окне: %n обещаний за его пределами при этом масштабе не показаны. Уменьшите масштаб, чтобы увидеть всю карту.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln bundle(s)</source>
            <translation>
                <numerusform>%Ln пучке</numerusform>
                <numerusform>%Ln пучках</numerusform>
                <numerusform>%Ln пучках</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Summary: %Ln promise(s) in %1. Zoom in to see each promise.</source>
            <translation>
                <numerusform>Сводка: %Ln обещание в %1. Приблизьте, чтобы увидеть каждое обещание.</numerusform>
                <numerusform>Сводка: %Ln обещания в %1. Приблизьте, чтобы увидеть каждое обещание.</numerusform>
                <numerusform>Сводка: %Ln обещаний в %1. Приблизьте, чтобы увидеть каждое обещание.</numerusform>
            </translation>
        </message>
        <message>
            <source>(no text yet)</source>
            <translation>(текста пока нет)</translation>
        </message>
        <message>
            <source>No authorities or resources listed</source>
            <translation>Полномочия и ресурсы не указаны</translation>
        </message>
    </context>
    <context>
        <name>PromiseMapEditor</name>
        <message>
            <source>Layout</source>
            <translation>Расстановка</translation>
        </message>
        <message>
            <source>Arrange the parties in layers from the client along the promises</source>
            <translation>Расставить участников слоями от клиента по обещаниям</translation>
        </message>
        <message>
            <source>Fit to window</source>
            <translation>Вписать в окно</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Крупнее</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Мельче</translation>
        </message>
        <message>
            <source>Snap to grid</source>
            <translation>Привязка к сетке</translation>
        </message>
        <message>
            <source>Parties snap to a grid while you drag them</source>
            <translation>Участники при перетаскивании привязываются к сетке</translation>
        </message>
        <message>
            <source>Colour by value</source>
            <translation>Цвет по ценности</translation>
        </message>
        <message>
            <source>Colour the arrows by root value instead of status (the line style still shows the status)</source>
            <translation>Раскрасить стрелки по корневой ценности, а не по статусу (статус по-прежнему виден по типу линии)</translation>
        </message>
        <message>
            <source>Expand bundles</source>
            <translation>Развернуть пучки</translation>
        </message>
        <message>
            <source>Draw every promise between the same two parties separately</source>
            <translation>Рисовать каждое обещание между одними и теми же участниками отдельно</translation>
        </message>
        <message>
            <source>Copy picture</source>
            <translation>Копировать картинку</translation>
        </message>
        <message>
            <source>Copy the selection (or the whole map) as a picture</source>
            <translation>Скопировать выделенное (или всю карту) как картинку</translation>
        </message>
        <message>
            <source>Import table…</source>
            <translation>Импорт таблицы…</translation>
        </message>
        <message>
            <source>Add promises from an Excel (.xlsx) or CSV table</source>
            <translation>Добавить обещания из таблицы Excel (.xlsx) или CSV</translation>
        </message>
        <message>
            <source>Export table…</source>
            <translation>Экспорт таблицы…</translation>
        </message>
        <message>
            <source>Save the promise table as Excel (.xlsx) or CSV</source>
            <translation>Сохранить таблицу обещаний в Excel (.xlsx) или CSV</translation>
        </message>
        <message>
            <source>Align left</source>
            <translation>По левому краю</translation>
        </message>
        <message>
            <source>Align centres</source>
            <translation>По центру</translation>
        </message>
        <message>
            <source>Align right</source>
            <translation>По правому краю</translation>
        </message>
        <message>
            <source>Align top</source>
            <translation>По верхнему краю</translation>
        </message>
        <message>
            <source>Align middles</source>
            <translation>По середине</translation>
        </message>
        <message>
            <source>Align bottom</source>
            <translation>По нижнему краю</translation>
        </message>
        <message>
            <source>Distribute horizontally</source>
            <translation>Распределить по горизонтали</translation>
        </message>
        <message>
            <source>Distribute vertically</source>
            <translation>Распределить по вертикали</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>Таблица</translation>
        </message>
        <message>
            <source>Tree of promises</source>
            <translation>Дерево обещаний</translation>
        </message>
        <message>
            <source>Value → root promise → supporting promises, numbered 1, 1.1, 1.1.1; drag a promise onto another to make it support that one</source>
            <translation>Ценность → корневое обещание → поддерживающие обещания с номерами 1, 1.1, 1.1.1; перетащите обещание на другое, чтобы оно поддерживало его</translation>
        </message>
        <message>
            <source>Align</source>
            <translation>Выровнять</translation>
        </message>
        <message>
            <source>Line up or space out the selected parties</source>
            <translation>Выровнять или расставить выбранных участников</translation>
        </message>
        <message>
            <source>Select promises or parties on the map to delete them.</source>
            <translation>Выберите на карте обещания или участников, чтобы удалить их.</translation>
        </message>
        <message>
            <source>The promise map is empty.</source>
            <translation>Карта обещаний пуста.</translation>
        </message>
        <message>
            <source>Picture copied to the clipboard.</source>
            <translation>Картинка скопирована в буфер обмена.</translation>
        </message>
        <message>
            <source>This finding has no automatic fix.</source>
            <translation>Для этого замечания нет автоматического исправления.</translation>
        </message>
        <message>
            <source>Fix</source>
            <translation>Исправить</translation>
        </message>
        <message>
            <source>Import promises</source>
            <translation>Импорт обещаний</translation>
        </message>
        <message>
            <source>Promise tables (*.xlsx *.csv)</source>
            <translation>Таблицы обещаний (*.xlsx *.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n promise(s) imported.</source>
            <translation>
                <numerusform>Импортировано %n обещание.</numerusform>
                <numerusform>Импортировано %n обещания.</numerusform>
                <numerusform>Импортировано %n обещаний.</numerusform>
            </translation>
        </message>
        <message>
            <source>Excel, tree of promises (*.xlsx)</source>
            <translation>Excel, дерево обещаний (*.xlsx)</translation>
        </message>
        <message>
            <source>Export promises</source>
            <translation>Экспорт обещаний</translation>
        </message>
        <message>
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <source>Promise table saved: %1</source>
            <translation>Таблица обещаний сохранена: %1</translation>
        </message>
        <message numerus="yes">
            <source>Expand bundle (%n promises)</source>
            <translation>
                <numerusform>Развернуть пучок (%n обещание)</numerusform>
                <numerusform>Развернуть пучок (%n обещания)</numerusform>
                <numerusform>Развернуть пучок (%n обещаний)</numerusform>
            </translation>
        </message>
        <message>
            <source>Collapse bundle</source>
            <translation>Свернуть пучок</translation>
        </message>
        <message>
            <source>Add the missing structure link</source>
            <translation>Добавить недостающую связь в структуре</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Show its promises in the table</source>
            <translation>Показать её обещания в таблице</translation>
        </message>
        <message numerus="yes">
            <source>Draft the promises its structure links lack (%n)</source>
            <translation>
                <numerusform>Набросать обещания, которых не хватает её связям (%n)</numerusform>
                <numerusform>Набросать обещания, которых не хватает её связям (%n)</numerusform>
                <numerusform>Набросать обещания, которых не хватает её связям (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add structure links for its promises (%n)</source>
            <translation>
                <numerusform>Добавить связи в структуре для её обещаний (%n)</numerusform>
                <numerusform>Добавить связи в структуре для её обещаний (%n)</numerusform>
                <numerusform>Добавить связи в структуре для её обещаний (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add every missing structure link (%n)</source>
            <translation>
                <numerusform>Добавить все недостающие связи в структуре (%n)</numerusform>
                <numerusform>Добавить все недостающие связи в структуре (%n)</numerusform>
                <numerusform>Добавить все недостающие связи в структуре (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Draft every missing promise (%n)</source>
            <translation>
                <numerusform>Набросать все недостающие обещания (%n)</numerusform>
                <numerusform>Набросать все недостающие обещания (%n)</numerusform>
                <numerusform>Набросать все недостающие обещания (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PromiseTablePanel</name>
        <message>
            <source>Find in promises…</source>
            <translation>Найти в обещаниях…</translation>
        </message>
        <message>
            <source>Has problems</source>
            <translation>С замечаниями</translation>
        </message>
        <message>
            <source>Only promises with an error or a warning of the checks</source>
            <translation>Только обещания с ошибкой или предупреждением проверок</translation>
        </message>
        <message>
            <source>All teams</source>
            <translation>Все команды</translation>
        </message>
        <message>
            <source>All segments</source>
            <translation>Все сегменты</translation>
        </message>
        <message>
            <source>All values</source>
            <translation>Все ценности</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Все статусы</translation>
        </message>
        <message numerus="yes">
            <source>%n promise(s)</source>
            <translation>
                <numerusform>%n обещание</numerusform>
                <numerusform>%n обещания</numerusform>
                <numerusform>%n обещаний</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2 promises</source>
            <translation>Обещаний: %1 из %2</translation>
        </message>
    </context>
    <context>
        <name>PromiseTree</name>
        <message>
            <source>Duplication (tool 11): who else could keep the promise if its team fails</source>
            <translation>Задвоение (инструмент 11): кто ещё сможет выполнить обещание, если его команда не справится</translation>
        </message>
        <message>
            <source>Without a root value</source>
            <translation>Без корневой ценности</translation>
        </message>
        <message>
            <source>Root value: drop a promise here to make it a root promise of this value</source>
            <translation>Корневая ценность: перетащите сюда обещание, чтобы сделать его корневым обещанием этой ценности</translation>
        </message>
        <message>
            <source>only %1</source>
            <translation>только %1</translation>
        </message>
        <message>
            <source>Alternative promisers: %1</source>
            <translation>Альтернативные исполнители: %1</translation>
        </message>
        <message>
            <source>Another team makes the same promise</source>
            <translation>Другая команда даёт такое же обещание</translation>
        </message>
        <message numerus="yes">
            <source>Only «%1» can keep it, and %n promise(s) to clients rest on it. Mark an alternative promiser (right-click) so that the client is not left without it.</source>
            <translation>
                <numerusform>Выполнить его может только «%1», а на нём держится %n обещание клиентам. Отметьте альтернативного исполнителя (правый щелчок), чтобы клиент не остался без него.</numerusform>
                <numerusform>Выполнить его может только «%1», а на нём держатся %n обещания клиентам. Отметьте альтернативного исполнителя (правый щелчок), чтобы клиент не остался без него.</numerusform>
                <numerusform>Выполнить его может только «%1», а на нём держатся %n обещаний клиентам. Отметьте альтернативного исполнителя (правый щелчок), чтобы клиент не остался без него.</numerusform>
            </translation>
        </message>
        <message>
            <source>Move in the tree of promises</source>
            <translation>Перенос в дереве обещаний</translation>
        </message>
        <message>
            <source>Alternative promiser (duplication)</source>
            <translation>Альтернативный исполнитель (задвоение)</translation>
        </message>
        <message>
            <source>Mark alternative promisers</source>
            <translation>Отметить альтернативных исполнителей</translation>
        </message>
        <message>
            <source>№</source>
            <translation>№</translation>
        </message>
        <message>
            <source>Promise</source>
            <translation>Обещание</translation>
        </message>
        <message>
            <source>Who promises</source>
            <translation>Кто обещает</translation>
        </message>
        <message>
            <source>To whom</source>
            <translation>Кому</translation>
        </message>
        <message>
            <source>Duplication</source>
            <translation>Задвоение</translation>
        </message>
        <message>
            <source>A promise cannot support itself.</source>
            <translation>Обещание не может поддерживать само себя.</translation>
        </message>
        <message>
            <source>A promise cannot support a promise that supports it: that would be a loop.</source>
            <translation>Обещание не может поддерживать обещание, которое поддерживает его: получился бы круг.</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Папка:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;Тип файлов:</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>QualityPanel</name>
        <message>
            <source>Tagline</source>
            <translation>Слоган</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Проверки</translation>
        </message>
        <message>
            <source>✓  No findings on this canvas</source>
            <translation>✓  По этой канве замечаний нет</translation>
        </message>
        <message>
            <source>Add a visible to-be curve to judge the strategy's focus and divergence.</source>
            <translation>Добавьте видимую кривую «как будет», чтобы оценить фокус и отличие стратегии.</translation>
        </message>
        <message>
            <source>focused</source>
            <translation>сфокусирована</translation>
        </message>
        <message>
            <source>diffuse: it stands out almost everywhere</source>
            <translation>размыта: выделяется почти везде</translation>
        </message>
        <message>
            <source>flat: nothing stands out</source>
            <translation>плоская: ничего не выделяется</translation>
        </message>
        <message>
            <source>high</source>
            <translation>высокое</translation>
        </message>
        <message>
            <source>moderate</source>
            <translation>умеренное</translation>
        </message>
        <message>
            <source>low: close to it</source>
            <translation>низкое: близко к ней</translation>
        </message>
        <message>
            <source>nothing to compare</source>
            <translation>не с чем сравнить</translation>
        </message>
        <message>
            <source>“%1” stands out on %2 of %3 factors</source>
            <translation>«%1» выделяется по %2 из %3 факторов</translation>
        </message>
        <message>
            <source>mean gap %1 levels, differs on %2 of %3 factors</source>
            <translation>средний разрыв %1 уровня, отличается по %2 из %3 факторов</translation>
        </message>
        <message>
            <source>No visible competitor or alternative curve to compare with.</source>
            <translation>Нет видимой кривой конкурента или альтернативы для сравнения.</translation>
        </message>
        <message>
            <source>Focus</source>
            <translation>Фокус</translation>
        </message>
        <message>
            <source>Divergence</source>
            <translation>Отличие</translation>
        </message>
    </context>
    <context>
        <name>RecentMenu</name>
        <message>
            <source>(missing)</source>
            <translation>(файл не найден)</translation>
        </message>
        <message>
            <source>No recent files</source>
            <translation>Недавних файлов нет</translation>
        </message>
        <message>
            <source>Clear the list</source>
            <translation>Очистить список</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Не&amp;давние</translation>
        </message>
    </context>
    <context>
        <name>RowWords</name>
        <message numerus="yes">
            <source>Delete %n row(s)</source>
            <translation>
                <numerusform>Удалить %n строку</numerusform>
                <numerusform>Удалить %n строки</numerusform>
                <numerusform>Удалить %n строк</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettlementView</name>
        <message>
            <source>Settlements between teams, per month</source>
            <translation>Взаиморасчёты между командами, в месяц</translation>
        </message>
        <message>
            <source>Who pays</source>
            <translation>Кто платит</translation>
        </message>
        <message>
            <source>To whom</source>
            <translation>Кому</translation>
        </message>
        <message>
            <source>Per month</source>
            <translation>В месяц</translation>
        </message>
        <message>
            <source>For which promises</source>
            <translation>За какие обещания</translation>
        </message>
        <message>
            <source>No internal promise has a price yet. Give one in the promise table: the team that receives the promise pays the team that gives it every month.</source>
            <translation>Ни у одного внутреннего обещания пока нет цены. Задайте её в таблице обещаний: команда, которая получает обещание, каждый месяц платит команде, которая его даёт.</translation>
        </message>
        <message>
            <source>Internal revenue and internal costs differ by %1: some were typed by hand.</source>
            <translation>Внутренние расчёты не сходятся на %1: часть введена вручную.</translation>
        </message>
        <message>
            <source>✓ The internal market balances: %1 a month paid and received.</source>
            <translation>✓ Внутренний рынок сходится: %1 в месяц заплачено и получено.</translation>
        </message>
    </context>
    <context>
        <name>SeverityDots</name>
        <message>
            <source>Severity %1 of 5</source>
            <translation>Острота %1 из 5</translation>
        </message>
    </context>
    <context>
        <name>ShareDialog</name>
        <message>
            <source>Share on this network</source>
            <translation>Совместная работа по сети</translation>
        </message>
        <message>
            <source>Network:</source>
            <translation>Сеть:</translation>
        </message>
        <message>
            <source>Port:</source>
            <translation>Порт:</translation>
        </message>
        <message>
            <source>Start sharing</source>
            <translation>Открыть доступ</translation>
        </message>
        <message>
            <source>Stop sharing</source>
            <translation>Закрыть доступ</translation>
        </message>
        <message>
            <source>Lock editing while I present (the others watch)</source>
            <translation>Запретить правку, пока я показываю (остальные смотрят)</translation>
        </message>
        <message>
            <source>The other laptops join this workshop over the room's network (no internet needed): choose the network they are on. Everyone keeps a full copy; a dropped Wi-Fi loses no edit.</source>
            <translation>Другие ноутбуки подключаются к этой сессии по сети в зале (интернет не нужен): выберите сеть, в которой они. У каждого полная копия; обрыв Wi-Fi не теряет ни одной правки.</translation>
        </message>
        <message>
            <source>On each laptop: File ▸ Join…, then type this address and code.</source>
            <translation>На каждом ноутбуке: Файл ▸ Присоединиться…, затем введите этот адрес и код.</translation>
        </message>
        <message>
            <source>Address: {address}</source>
            <translation>Адрес: {address}</translation>
        </message>
        <message>
            <source>Code: {code}</source>
            <translation>Код: {code}</translation>
        </message>
        <message>
            <source>The QR code holds the address and the code; Join… also takes it pasted:</source>
            <translation>В QR-коде — адрес и код; «Присоединиться…» примет и вставленную ссылку:</translation>
        </message>
        <message numerus="yes">
            <source>%n laptop(s) connected</source>
            <translation>
                <numerusform>Подключён %n ноутбук</numerusform>
                <numerusform>Подключено %n ноутбука</numerusform>
                <numerusform>Подключено %n ноутбуков</numerusform>
            </translation>
        </message>
        <message>
            <source>Ticked: may edit. Untick a participant to make them read-only.</source>
            <translation>С галочкой — может править. Снимите галочку, чтобы участник только смотрел.</translation>
        </message>
    </context>
    <context>
        <name>SnapshotViewer</name>
        <message>
            <source>Snapshot “%1” (read-only)</source>
            <translation>Снимок «%1» (только чтение)</translation>
        </message>
        <message>
            <source>Previous page (PageUp)</source>
            <translation>Предыдущая страница (PageUp)</translation>
        </message>
        <message>
            <source>Next page (PageDown)</source>
            <translation>Следующая страница (PageDown)</translation>
        </message>
        <message>
            <source>Restore this snapshot</source>
            <translation>Вернуть этот снимок</translation>
        </message>
        <message>
            <source>Saved %1 · read-only</source>
            <translation>Сохранён %1 · только чтение</translation>
        </message>
    </context>
    <context>
        <name>SnapshotsPanel</name>
        <message>
            <source>Restore snapshot “%1”</source>
            <translation>Вернуть снимок «%1»</translation>
        </message>
        <message>
            <source>A snapshot is read-only.</source>
            <translation>Снимок доступен только для чтения.</translation>
        </message>
        <message>
            <source>Snapshot</source>
            <translation>Снимок</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Сохранён</translation>
        </message>
        <message>
            <source>Save snapshot…</source>
            <translation>Сохранить снимок…</translation>
        </message>
        <message>
            <source>Keep the workshop as it is now under a name, inside its file</source>
            <translation>Сохранить сессию в нынешнем виде под именем внутри её файла</translation>
        </message>
        <message>
            <source>Open read-only</source>
            <translation>Открыть для чтения</translation>
        </message>
        <message>
            <source>Look at the snapshot in a window of its own, beside the current state</source>
            <translation>Посмотреть снимок в отдельном окне рядом с текущим состоянием</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановить</translation>
        </message>
        <message>
            <source>Make the workshop what it was in the snapshot (Undo goes back)</source>
            <translation>Вернуть сессию к состоянию снимка (отмена возвращает обратно)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <source>Handouts or slides of the snapshot, not of the current state</source>
            <translation>Материалы или слайды по снимку, а не по текущему состоянию</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Переименовать…</translation>
        </message>
        <message>
            <source>Give the snapshot another name (F2, or double-click its name)</source>
            <translation>Дать снимку другое имя (F2 или двойной щелчок по имени)</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Remove the snapshot from the workshop's file (Delete)</source>
            <translation>Убрать снимок из файла сессии (Delete)</translation>
        </message>
        <message>
            <source>No snapshots yet. “Save snapshot…” keeps the workshop as it is now, inside its file, to compare with or to come back to.</source>
            <translation>Снимков пока нет. «Сохранить снимок…» сохраняет сессию такой, как сейчас, внутри её файла — чтобы сравнить или вернуться к ней.</translation>
        </message>
        <message>
            <source>Save snapshot</source>
            <translation>Сохранить снимок</translation>
        </message>
        <message>
            <source>A name for the workshop as it is now (e.g. “as-is agreed”):</source>
            <translation>Имя для сессии в нынешнем виде (например, «как есть — согласовано»):</translation>
        </message>
        <message>
            <source>Snapshot %1</source>
            <translation>Снимок %1</translation>
        </message>
        <message>
            <source>A snapshot needs a name.</source>
            <translation>У снимка должно быть имя.</translation>
        </message>
        <message>
            <source>Snapshot “%1” saved in the workshop (save the file to keep it).</source>
            <translation>Снимок «%1» сохранён в сессии (сохраните файл, чтобы он остался).</translation>
        </message>
        <message>
            <source>Rename snapshot</source>
            <translation>Переименовать снимок</translation>
        </message>
        <message>
            <source>A new name for the snapshot “%1”:</source>
            <translation>Новое имя снимка «%1»:</translation>
        </message>
        <message>
            <source>Snapshot “%1” renamed to “%2” (save the file to keep it).</source>
            <translation>Снимок «%1» переименован в «%2» (сохраните файл, чтобы это осталось).</translation>
        </message>
        <message>
            <source>Delete snapshot</source>
            <translation>Удалить снимок</translation>
        </message>
        <message>
            <source>Delete the snapshot “%1”? Undo does not bring it back.</source>
            <translation>Удалить снимок «%1»? Отмена его не вернёт.</translation>
        </message>
        <message>
            <source>Snapshot “%1” deleted (save the file to make it final).</source>
            <translation>Снимок «%1» удалён (сохраните файл, чтобы удалить его окончательно).</translation>
        </message>
        <message>
            <source>Choose a snapshot first.</source>
            <translation>Сначала выберите снимок.</translation>
        </message>
        <message>
            <source>The workshop already is as in “%1”.</source>
            <translation>Сессия уже такая же, как в «%1».</translation>
        </message>
        <message>
            <source>Restored “%1”. Undo brings back the state before.</source>
            <translation>Снимок «%1» возвращён. Отмена вернёт прежнее состояние.</translation>
        </message>
        <message>
            <source>Exporting “%1”…</source>
            <translation>Экспорт «%1»…</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>Экспортировано: %1</translation>
        </message>
        <message>
            <source>The export failed: %1</source>
            <translation>Экспорт не удался: %1</translation>
        </message>
    </context>
    <context>
        <name>StageTexts</name>
        <message>
            <source>Evolutionary goal</source>
            <translation>Эволюционная цель</translation>
        </message>
        <message>
            <source>Client segments</source>
            <translation>Определить своего клиента или заказчика</translation>
        </message>
        <message>
            <source>Client pains</source>
            <translation>Боли, проблемы клиента или заказчика</translation>
        </message>
        <message>
            <source>Value proposition &amp; canvas</source>
            <translation>Ценностное предложение и стратегическая канва</translation>
        </message>
        <message>
            <source>Promises to clients</source>
            <translation>Обещания клиенту, метрики и полномочия</translation>
        </message>
        <message>
            <source>Internal promises</source>
            <translation>Внутренние обещания и полномочия</translation>
        </message>
        <message>
            <source>Council &amp; autonomous teams</source>
            <translation>Совет управляющих и автономные команды</translation>
        </message>
        <message>
            <source>Team economics &amp; motivation</source>
            <translation>Экономика команд и мотивация каждого ее участника</translation>
        </message>
        <message>
            <source>Success indicators</source>
            <translation>Показатель успешности работы команды</translation>
        </message>
        <message>
            <source>Experiments &amp; improvement</source>
            <translation>Прилаживать: экспериментировать, анализировать ошибки, улучшать</translation>
        </message>
        <message numerus="yes">
            <source>%n open problem(s) in the checks</source>
            <translation>
                <numerusform>%n открытое замечание в проверках</numerusform>
                <numerusform>%n открытых замечания в проверках</numerusform>
                <numerusform>%n открытых замечаний в проверках</numerusform>
            </translation>
        </message>
        <message>
            <source>This stage has what it needs</source>
            <translation>На этом этапе есть всё необходимое</translation>
        </message>
        <message>
            <source>Not formulated yet</source>
            <translation>Ещё не сформулирована</translation>
        </message>
        <message numerus="yes">
            <source>%n segment(s)</source>
            <translation>
                <numerusform>%n сегмент</numerusform>
                <numerusform>%n сегмента</numerusform>
                <numerusform>%n сегментов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pain(s)</source>
            <translation>
                <numerusform>%n боль</numerusform>
                <numerusform>%n боли</numerusform>
                <numerusform>%n болей</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n proposition(s)</source>
            <translation>
                <numerusform>%n предложение</numerusform>
                <numerusform>%n предложения</numerusform>
                <numerusform>%n предложений</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n canvas(es)</source>
            <translation>
                <numerusform>%n канва</numerusform>
                <numerusform>%n канвы</numerusform>
                <numerusform>%n канв</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n promise(s) to clients</source>
            <translation>
                <numerusform>%n обещание клиентам</numerusform>
                <numerusform>%n обещания клиентам</numerusform>
                <numerusform>%n обещаний клиентам</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n internal promise(s)</source>
            <translation>
                <numerusform>%n внутреннее обещание</numerusform>
                <numerusform>%n внутренних обещания</numerusform>
                <numerusform>%n внутренних обещаний</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n team(s)</source>
            <translation>
                <numerusform>%n команда</numerusform>
                <numerusform>%n команды</numerusform>
                <numerusform>%n команд</numerusform>
            </translation>
        </message>
        <message>
            <source>council</source>
            <translation>совет</translation>
        </message>
        <message>
            <source>no council</source>
            <translation>нет совета</translation>
        </message>
        <message numerus="yes">
            <source>%n team(s) with economics</source>
            <translation>
                <numerusform>экономика у %n команды</numerusform>
                <numerusform>экономика у %n команд</numerusform>
                <numerusform>экономика у %n команд</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with motivation</source>
            <translation>
                <numerusform>с мотивацией: %n</numerusform>
                <numerusform>с мотивацией: %n</numerusform>
                <numerusform>с мотивацией: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n indicator(s)</source>
            <translation>
                <numerusform>%n показатель</numerusform>
                <numerusform>%n показателя</numerusform>
                <numerusform>%n показателей</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with readings</source>
            <translation>
                <numerusform>с замерами: %n</numerusform>
                <numerusform>с замерами: %n</numerusform>
                <numerusform>с замерами: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n experiment(s)</source>
            <translation>
                <numerusform>%n эксперимент</numerusform>
                <numerusform>%n эксперимента</numerusform>
                <numerusform>%n экспериментов</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StructureEditor</name>
        <message>
            <source>Target</source>
            <translation>Цель</translation>
        </message>
        <message numerus="yes">
            <source>⚠ Duplication: %n promise(s) to clients of other teams rest on this team alone (no alternative promiser):</source>
            <translation>
                <numerusform>⚠ Задвоение: %n обещание клиентам других команд держится только на этой команде (нет альтернативного исполнителя):</numerusform>
                <numerusform>⚠ Задвоение: %n обещания клиентам других команд держатся только на этой команде (нет альтернативного исполнителя):</numerusform>
                <numerusform>⚠ Задвоение: %n обещаний клиентам других команд держатся только на этой команде (нет альтернативного исполнителя):</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… и ещё %n</numerusform>
                <numerusform>… и ещё %n</numerusform>
                <numerusform>… и ещё %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Mark an alternative promiser for its promises (promise map ▸ tree of promises, or the promise inspector).</source>
            <translation>Отметьте альтернативного исполнителя её обещаний (карта обещаний ▸ дерево обещаний или инспектор обещания).</translation>
        </message>
        <message>
            <source>“%1” is not a number.</source>
            <translation>«%1» — не число.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Назначение</translation>
        </message>
        <message>
            <source>Lead</source>
            <translation>Лидер</translation>
        </message>
        <message>
            <source>Members (one per line)</source>
            <translation>Участники (по одному в строке)</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Показатель</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>Сейчас</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>Выручка</translation>
        </message>
        <message>
            <source>Costs</source>
            <translation>Затраты</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>Валюта</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Период</translation>
        </message>
        <message>
            <source>Margin</source>
            <translation>Маржа</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>After settlement</source>
            <translation>После взаиморасчётов</translation>
        </message>
        <message>
            <source>Bonus pool</source>
            <translation>Фонд премий</translation>
        </message>
        <message>
            <source>Success indicator</source>
            <translation>Показатель успеха</translation>
        </message>
        <message>
            <source>Economics</source>
            <translation>Экономика</translation>
        </message>
        <message numerus="yes">
            <source>%n items selected. Select one segment or team to edit it.</source>
            <translation>
                <numerusform>Выбран %n объект. Чтобы изменить, выберите один сегмент или одну команду.</numerusform>
                <numerusform>Выбрано %n объекта. Чтобы изменить, выберите один сегмент или одну команду.</numerusform>
                <numerusform>Выбрано %n объектов. Чтобы изменить, выберите один сегмент или одну команду.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a segment or a team to see and edit its details here.</source>
            <translation>Выберите сегмент или команду, чтобы увидеть и изменить их здесь.</translation>
        </message>
        <message>
            <source>✔ met</source>
            <translation>✔ достигнут</translation>
        </message>
        <message>
            <source>✘ not met</source>
            <translation>✘ не достигнут</translation>
        </message>
        <message>
            <source>cost centre: %1 %2, serves %3</source>
            <translation>центр затрат: %1 %2, обслуживает %3</translation>
        </message>
        <message>
            <source>Revenue and internal revenue less own and internal costs; internal figures come from the prices of internal promises</source>
            <translation>Выручка и внутренняя выручка за вычетом своих и внутренних затрат; внутренние цифры берутся из цен внутренних обещаний</translation>
        </message>
        <message>
            <source>Members' shares: Workshop ▸ Internal market &amp; motivation</source>
            <translation>Доли участников: Сессия ▸ Внутренний рынок и мотивация</translation>
        </message>
        <message>
            <source>Purpose: %1</source>
            <translation>Назначение: %1</translation>
        </message>
        <message>
            <source>Lead: %1</source>
            <translation>Лидер: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>%n участник</numerusform>
                <numerusform>%n участника</numerusform>
                <numerusform>%n участников</numerusform>
            </translation>
        </message>
        <message>
            <source> (met)</source>
            <translation> (достигнут)</translation>
        </message>
        <message>
            <source> (not met)</source>
            <translation> (не достигнут)</translation>
        </message>
        <message>
            <source>Indicator: %1 — %2 of %3</source>
            <translation>Показатель: %1 — %2 из %3</translation>
        </message>
        <message>
            <source>Layers</source>
            <translation>Слои</translation>
        </message>
        <message>
            <source>Segments on top, then the teams that serve them, and so on</source>
            <translation>Сегменты сверху, под ними обслуживающие их команды и так далее</translation>
        </message>
        <message>
            <source>Rings</source>
            <translation>Кольца</translation>
        </message>
        <message>
            <source>Segments in the centre, client-facing teams around them, service teams on the next ring, the council beside</source>
            <translation>Сегменты в центре, вокруг них команды, работающие с клиентами, на следующем кольце — сервисные команды, совет сбоку</translation>
        </message>
        <message>
            <source>Fit to window</source>
            <translation>Вписать в окно</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Крупнее</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Мельче</translation>
        </message>
        <message>
            <source>Snap to grid</source>
            <translation>Привязка к сетке</translation>
        </message>
        <message>
            <source>Nodes snap to a grid while you drag them</source>
            <translation>Узлы при перетаскивании привязываются к сетке</translation>
        </message>
        <message>
            <source>Copy picture</source>
            <translation>Копировать картинку</translation>
        </message>
        <message>
            <source>Copy the selection (or the whole view) as a picture</source>
            <translation>Скопировать выделенное (или всю схему) как картинку</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Delete the selection with its links</source>
            <translation>Удалить выделенное вместе со связями</translation>
        </message>
        <message>
            <source>Align left</source>
            <translation>По левому краю</translation>
        </message>
        <message>
            <source>Align centres</source>
            <translation>По центру</translation>
        </message>
        <message>
            <source>Align right</source>
            <translation>По правому краю</translation>
        </message>
        <message>
            <source>Align top</source>
            <translation>По верхнему краю</translation>
        </message>
        <message>
            <source>Align middles</source>
            <translation>По середине</translation>
        </message>
        <message>
            <source>Align bottom</source>
            <translation>По нижнему краю</translation>
        </message>
        <message>
            <source>Distribute horizontally</source>
            <translation>Распределить по горизонтали</translation>
        </message>
        <message>
            <source>Distribute vertically</source>
            <translation>Распределить по вертикали</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>Расстановка</translation>
        </message>
        <message>
            <source>Align</source>
            <translation>Выровнять</translation>
        </message>
        <message>
            <source>Zoom: the wheel zooms around the cursor; drag with the middle button or with Space held to pan</source>
            <translation>Масштаб: колесо мыши меняет масштаб вокруг курсора; сдвиг — средней кнопкой или с нажатым пробелом</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Переименовать</translation>
        </message>
        <message numerus="yes">
            <source>Move %n part(ies)</source>
            <translation>
                <numerusform>Переместить %n элемент</numerusform>
                <numerusform>Переместить %n элемента</numerusform>
                <numerusform>Переместить %n элементов</numerusform>
            </translation>
        </message>
        <message>
            <source>Add link</source>
            <translation>Добавить связь</translation>
        </message>
        <message>
            <source>Drop the arrow on the team or client segment this team serves.</source>
            <translation>Отпустите стрелку на команде или клиентском сегменте, который обслуживает эта команда.</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n item(s)</source>
            <translation>
                <numerusform>Удалить %n элемент</numerusform>
                <numerusform>Удалить %n элемента</numerusform>
                <numerusform>Удалить %n элементов</numerusform>
            </translation>
        </message>
        <message>
            <source>Select two or more parties to align them.</source>
            <translation>Чтобы выровнять, выберите двух или более участников.</translation>
        </message>
        <message>
            <source>Select three or more parties to distribute them.</source>
            <translation>Чтобы распределить, выберите трёх или более участников.</translation>
        </message>
        <message>
            <source>Distribute</source>
            <translation>Распределить</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>Nothing is selected.</source>
            <translation>Ничего не выделено.</translation>
        </message>
        <message>
            <source>The diagram is empty.</source>
            <translation>Схема пуста.</translation>
        </message>
        <message>
            <source>Already at the largest zoom.</source>
            <translation>Масштаб уже наибольший.</translation>
        </message>
        <message>
            <source>Already at the smallest zoom.</source>
            <translation>Масштаб уже наименьший.</translation>
        </message>
        <message>
            <source>Add %1</source>
            <translation>Добавить: %1</translation>
        </message>
        <message>
            <source>Arrange in layers</source>
            <translation>Расставить слоями</translation>
        </message>
        <message>
            <source>Arrange in rings</source>
            <translation>Расставить кольцами</translation>
        </message>
        <message>
            <source>Client segment</source>
            <translation>Клиентский сегмент</translation>
        </message>
        <message>
            <source>Client-facing team</source>
            <translation>Клиентская команда</translation>
        </message>
        <message>
            <source>Service team</source>
            <translation>Сервисная команда</translation>
        </message>
        <message>
            <source>Council of managers</source>
            <translation>Совет управляющих</translation>
        </message>
        <message>
            <source>A group of clients: drag it onto the diagram</source>
            <translation>Группа клиентов: перетащите её на схему</translation>
        </message>
        <message>
            <source>A team that serves clients directly</source>
            <translation>Команда, которая обслуживает клиентов напрямую</translation>
        </message>
        <message>
            <source>A team that serves other teams</source>
            <translation>Команда, которая обслуживает другие команды</translation>
        </message>
        <message>
            <source>The holders of the root values, beside the structure</source>
            <translation>Держатели корневых ценностей — рядом со структурой</translation>
        </message>
        <message>
            <source>Client-facing
team</source>
            <translation>Клиентская
команда</translation>
        </message>
        <message>
            <source>Council</source>
            <translation>Совет</translation>
        </message>
        <message>
            <source>New client segment</source>
            <translation>Новый клиентский сегмент</translation>
        </message>
        <message>
            <source>New client-facing team</source>
            <translation>Новая клиентская команда</translation>
        </message>
        <message>
            <source>New service team</source>
            <translation>Новая сервисная команда</translation>
        </message>
        <message>
            <source>A party cannot serve itself.</source>
            <translation>Участник не может обслуживать сам себя.</translation>
        </message>
        <message>
            <source>A client segment serves no one: draw the arrow from the team that serves it.</source>
            <translation>Клиентский сегмент никого не обслуживает: проведите стрелку от команды, которая его обслуживает.</translation>
        </message>
        <message>
            <source>Links go from a team to the team or client segment it serves.</source>
            <translation>Связь идёт от команды к команде или клиентскому сегменту, который она обслуживает.</translation>
        </message>
        <message>
            <source>“%1” already serves “%2”.</source>
            <translation>«%1» уже обслуживает «%2».</translation>
        </message>
    </context>
    <context>
        <name>TablePage</name>
        <message>
            <source>Add</source>
            <translation>Добавить</translation>
        </message>
        <message>
            <source>Add a row after the current one (Insert)</source>
            <translation>Добавить строку после текущей (Insert)</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Delete the selected rows and what hangs on them (Delete); Undo brings them back</source>
            <translation>Удалить выбранные строки и всё, что с ними связано (Delete); отмена вернёт их</translation>
        </message>
    </context>
    <context>
        <name>TaglineEdit</name>
        <message>
            <source>Tagline: the strategy in one line</source>
            <translation>Слоган: стратегия в одной строке</translation>
        </message>
        <message>
            <source>Edit tagline</source>
            <translation>Изменить слоган</translation>
        </message>
    </context>
    <context>
        <name>TimerWidget</name>
        <message>
            <source>Timer: set the minutes of this agenda step</source>
            <translation>Таймер: задайте минуты для этого пункта повестки</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n минута</numerusform>
                <numerusform>%n минуты</numerusform>
                <numerusform>%n минут</numerusform>
            </translation>
        </message>
        <message>
            <source>Other…</source>
            <translation>Другое…</translation>
        </message>
        <message>
            <source>Start or pause (T)</source>
            <translation>Запустить или приостановить (T)</translation>
        </message>
        <message>
            <source>One minute more (+)</source>
            <translation>На минуту больше (+)</translation>
        </message>
        <message>
            <source>Reset (Shift+T)</source>
            <translation>Сбросить (Shift+T)</translation>
        </message>
        <message>
            <source>No timer</source>
            <translation>Без таймера</translation>
        </message>
        <message>
            <source>Timer</source>
            <translation>Таймер</translation>
        </message>
        <message>
            <source>Minutes for this step:</source>
            <translation>Минут на этот пункт:</translation>
        </message>
        <message>
            <source>Click to start or pause; ▾ sets the minutes</source>
            <translation>Щелчок — запустить или приостановить; ▾ — задать минуты</translation>
        </message>
        <message>
            <source>Set a timer for this agenda step</source>
            <translation>Поставить таймер на этот пункт повестки</translation>
        </message>
    </context>
    <context>
        <name>TotalsPanel</name>
        <message>
            <source>Margin of the teams that earn</source>
            <translation>Маржа зарабатывающих команд</translation>
        </message>
        <message>
            <source>Cost centres</source>
            <translation>Центры затрат</translation>
        </message>
        <message>
            <source>Cost of management (council)</source>
            <translation>Затраты на управление (совет)</translation>
        </message>
        <message>
            <source>The council's own income</source>
            <translation>Доход совета управляющих</translation>
        </message>
        <message>
            <source>Organisation's result</source>
            <translation>Итого по организации</translation>
        </message>
        <message>
            <source>Type the council's costs to see the cost of management beside the method's reference (about 1 % of revenue).</source>
            <translation>Введите затраты совета, чтобы сравнить затраты на управление с ориентиром метода (около 1 % выручки).</translation>
        </message>
        <message>
            <source>Cost of management: %1; there is no revenue from clients to compare it with.</source>
            <translation>Затраты на управление: %1; выручки от клиентов нет, долю не посчитать.</translation>
        </message>
        <message>
            <source>Cost of management: %1 — %2 of revenue; the method's reference is about 1 % of revenue.</source>
            <translation>Затраты на управление: %1 — %2 выручки; ориентир метода — около 1 % выручки.</translation>
        </message>
        <message>
            <source>The method's reference: management costs about 10 % of the payroll, or about 1 % of revenue including payroll taxes.</source>
            <translation>Ориентир метода: управление стоит около 10 % фонда оплаты труда, или около 1 % выручки с учётом налогов на зарплату.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>(missing)</source>
            <translation>(файл не найден)</translation>
        </message>
        <message>
            <source>Walk a company's leadership through the nine stages of Clientocracy: clients and their pains, the strategy canvas, the structure from the client, promises, economics, indicators and experiments.</source>
            <translation>Проведите руководство компании через девять этапов Клиентократии: клиенты и их боли, стратегическая канва, структура от клиента, обещания, экономика, показатели успеха и эксперименты.</translation>
        </message>
        <message>
            <source>New workshop</source>
            <translation>Новая сессия</translation>
        </message>
        <message>
            <source>New from the sample</source>
            <translation>Новая по образцу</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>Открыть…</translation>
        </message>
        <message>
            <source>Recent workshops</source>
            <translation>Недавние сессии</translation>
        </message>
    </context>
    <context>
        <name>WorkshopForm</name>
        <message>
            <source>“{text}” is not a date: type it as YYYY-MM-DD</source>
            <translation>«{text}» — не дата: введите её как ГГГГ-ММ-ДД</translation>
        </message>
        <message>
            <source>EVOLUTIONARY GOAL</source>
            <translation>ЭВОЛЮЦИОННАЯ ЦЕЛЬ</translation>
        </message>
        <message>
            <source>Why the company exists for its clients: the goal that every team serves</source>
            <translation>Зачем компания существует для своих клиентов: цель, которой служит каждая команда</translation>
        </message>
        <message>
            <source>Why this goal</source>
            <translation>Почему эта цель</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Сессия</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Facilitator</source>
            <translation>Ведущий</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Handout language</source>
            <translation>Язык материалов</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>ГГГГ-ММ-ДД</translation>
        </message>
        <message>
            <source>Root values and their holders in the council of managers</source>
            <translation>Корневые ценности и их держатели в совете управляющих</translation>
        </message>
    </context>
    <context>
        <name>WorkshopPage</name>
        <message>
            <source>Goal &amp; details</source>
            <translation>Цель и сведения</translation>
        </message>
        <message>
            <source>Internal market &amp; motivation</source>
            <translation>Внутренний рынок и мотивация</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>Untitled workshop</source>
            <translation>Сессия без названия</translation>
        </message>
        <message>
            <source>◎  The evolutionary goal is not formulated yet</source>
            <translation>◎  Эволюционная цель ещё не сформулирована</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Сессия</translation>
        </message>
        <message>
            <source>The goal, the workshop's details and every list as a table</source>
            <translation>Цель, сведения о сессии и все списки в виде таблиц</translation>
        </message>
    </context>
    <context>
        <name>checks</name>
        <message>
            <source>Promise "{promise}" from "{team}" has no metric</source>
            <translation>У обещания «{promise}» от «{team}» нет метрики</translation>
        </message>
        <message>
            <source>Promise "{promise}" from "{team}" is {status} but not granted: {missing}</source>
            <translation>Обещание «{promise}» от «{team}» {status}, но не предоставлено: {missing}</translation>
        </message>
        <message>
            <source>Promise "{promise}" from "{team}" is {status} but lists no authorities or resources</source>
            <translation>Обещание «{promise}» от «{team}» {status}, но в нём не указано ни полномочий, ни ресурсов</translation>
        </message>
        <message>
            <source>Promise "{promise}" is made by the client segment "{segment}"; a client never promises</source>
            <translation>Обещание «{promise}» даёт клиентский сегмент «{segment}»; клиент никогда не обещает</translation>
        </message>
        <message>
            <source>Client-facing team "{team}" makes no promise to any client segment</source>
            <translation>Клиентская команда «{team}» не даёт обещаний ни одному клиентскому сегменту</translation>
        </message>
        <message>
            <source>Service team "{team}" has no chain of promises that reaches a client segment</source>
            <translation>От сервисной команды «{team}» нет цепочки обещаний до клиентского сегмента</translation>
        </message>
        <message>
            <source>Team "{team}" has no success indicator</source>
            <translation>У команды «{team}» нет показателя успеха</translation>
        </message>
        <message>
            <source>"{source}" serves "{target}" in the structure but has made it no promise yet</source>
            <translation>«{source}» обслуживает «{target}» в структуре, но обещания от «{source}» к «{target}» ещё нет</translation>
        </message>
        <message>
            <source>Promise "{promise}" from "{source}" to "{target}" has no matching structure link</source>
            <translation>Обещанию «{promise}» от «{source}» к «{target}» нет соответствующей связи в структуре</translation>
        </message>
        <message>
            <source>Canvas "{canvas}" has {count} factors; a strategy canvas needs 6 to 12</source>
            <translation>На канве «{canvas}» факторов: {count}; стратегической канве нужно от 6 до 12</translation>
        </message>
        <message>
            <source>Factor "{factor}" on canvas "{canvas}" is marked {action}, but the to-be curve "{to_be}" is at {to_be_level} and the reference curve "{reference}" at {reference_level} (scale minimum {minimum})</source>
            <translation>Фактор «{factor}» на канве «{canvas}» отмечен действием {action}, но кривая «как будет» «{to_be}» стоит на {to_be_level}, а эталонная «{reference}» — на {reference_level} (минимум шкалы {minimum})</translation>
        </message>
        <message>
            <source>Curve "{curve}" on canvas "{canvas}" has no level for {missing}</source>
            <translation>У кривой «{curve}» на канве «{canvas}» нет уровня для: {missing}</translation>
        </message>
        <message>
            <source>The workshop has no evolutionary goal</source>
            <translation>У сессии нет эволюционной цели</translation>
        </message>
        <message>
            <source>Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from "{supporter}", which has no metric</source>
            <translation>Обещание «{promise}» от «{team}» {status}, но опирается на обещание «{supporting}» от «{supporter}», у которого нет метрики</translation>
        </message>
        <message>
            <source>Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from "{supporter}", which is still a draft</source>
            <translation>Обещание «{promise}» от «{team}» {status}, но опирается на обещание «{supporting}» от «{supporter}», которое ещё черновик</translation>
        </message>
        <message>
            <source>Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from "{supporter}", which is still under negotiation</source>
            <translation>Обещание «{promise}» от «{team}» {status}, но опирается на обещание «{supporting}» от «{supporter}», которое ещё обсуждается</translation>
        </message>
        <message>
            <source>Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from "{supporter}", which is broken</source>
            <translation>Обещание «{promise}» от «{team}» {status}, но опирается на нарушенное обещание «{supporting}» от «{supporter}»</translation>
        </message>
        <message>
            <source>Promise "{promise}" from "{team}" lists an approval as an authority: {approvals}; an authority is a right to act without approvals</source>
            <translation>В полномочиях обещания «{promise}» от «{team}» — согласование: {approvals}; полномочие — это право действовать без согласований</translation>
        </message>
        <message>
            <source>Promise "{promise}" supports "{parent}" from "{parent_team}" but is made to "{promisee}"; a supporting promise is made to the team that gave the promise it supports</source>
            <translation>Обещание «{promise}» поддерживает обещание «{parent}» от «{parent_team}», но дано «{promisee}»; поддерживающее обещание дают той команде, что дала поддерживаемое</translation>
        </message>
        <message>
            <source>Root value "{value}" has no holder</source>
            <translation>У корневой ценности «{value}» нет держателя</translation>
        </message>
        <message>
            <source>"{holder}", the holder of root value "{value}", is neither the lead nor a member of the council of managers</source>
            <translation>«{holder}», держатель корневой ценности «{value}», не лидер и не участник совета управляющих</translation>
        </message>
        <message>
            <source>"{holder}", the holder of root value "{value}", sits on no council of managers: the workshop has none yet</source>
            <translation>«{holder}», держатель корневой ценности «{value}», не входит в совет управляющих: его в сессии ещё нет</translation>
        </message>
        <message>
            <source>Team "{team}" has neither a lead nor members</source>
            <translation>В команде «{team}» нет ни лидера, ни участников</translation>
        </message>
        <message>
            <source>Team "{team}" has economics but no motivation for its members</source>
            <translation>У команды «{team}» есть экономика, но нет мотивации участников</translation>
        </message>
        <message>
            <source>Experiment "{experiment}" is done but has no decision: keep, drop or iterate</source>
            <translation>Эксперимент «{experiment}» завершён, но решения нет: оставить, отказаться или доработать</translation>
        </message>
        <message>
            <source>Canvas "{canvas}" has a to-be curve but no tagline: the strategy in one line</source>
            <translation>У канвы «{canvas}» есть кривая «как будет», но нет слогана — стратегии в одной строке</translation>
        </message>
        <message>
            <source>Promise "{promise}" from "{team}" is {status} but its latest reading, {value} for {period}, missed the target</source>
            <translation>Обещание «{promise}» от «{team}» {status}, но его последнее значение, {value} за {period}, не достигло цели</translation>
        </message>
        <message>
            <source>Members' shares of the bonus pool of team "{team}" add up to {total}, not 1</source>
            <translation>Доли участников в фонде премий команды «{team}» в сумме дают {total}, а не 1</translation>
        </message>
        <message>
            <source>Promises without a metric</source>
            <translation>Обещания без метрики</translation>
        </message>
        <message>
            <source>Accepted promises without the authorities or resources</source>
            <translation>Принятые обещания без нужных полномочий или ресурсов</translation>
        </message>
        <message>
            <source>Promises made by a client segment</source>
            <translation>Обещания, которые даёт клиентский сегмент</translation>
        </message>
        <message>
            <source>Client-facing teams that promise nothing to clients</source>
            <translation>Клиентские команды без обещаний клиентам</translation>
        </message>
        <message>
            <source>Service teams whose promises never reach a client</source>
            <translation>Сервисные команды, чьи обещания не доходят до клиента</translation>
        </message>
        <message>
            <source>Teams without a success indicator</source>
            <translation>Команды без показателя успеха</translation>
        </message>
        <message>
            <source>Structure links without a promise</source>
            <translation>Связи в структуре без обещания</translation>
        </message>
        <message>
            <source>Promises without a structure link</source>
            <translation>Обещания без связи в структуре</translation>
        </message>
        <message>
            <source>Canvases with too few or too many factors</source>
            <translation>Канвы со слишком малым или большим числом факторов</translation>
        </message>
        <message>
            <source>ERRC actions the curves contradict</source>
            <translation>Действия решётки, которым противоречат кривые</translation>
        </message>
        <message>
            <source>Curves with unscored factors</source>
            <translation>Кривые с неоценёнными факторами</translation>
        </message>
        <message>
            <source>No evolutionary goal</source>
            <translation>Нет эволюционной цели</translation>
        </message>
        <message>
            <source>Accepted promises resting on supporting promises not yet firm</source>
            <translation>Принятые обещания, которые опираются на неготовые поддерживающие</translation>
        </message>
        <message>
            <source>Approvals listed as authorities</source>
            <translation>Согласования вместо полномочий</translation>
        </message>
        <message>
            <source>Supporting promises made to someone else</source>
            <translation>Поддерживающие обещания, данные не тому</translation>
        </message>
        <message>
            <source>Root values without a holder</source>
            <translation>Корневые ценности без держателя</translation>
        </message>
        <message>
            <source>Holders of root values off the council</source>
            <translation>Держатели ценностей вне совета управляющих</translation>
        </message>
        <message>
            <source>Teams without a lead or members</source>
            <translation>Команды без лидера и участников</translation>
        </message>
        <message>
            <source>Teams with economics but no motivation</source>
            <translation>Команды с экономикой, но без мотивации</translation>
        </message>
        <message>
            <source>Finished experiments without a decision</source>
            <translation>Завершённые эксперименты без решения</translation>
        </message>
        <message>
            <source>Canvases without a tagline</source>
            <translation>Канвы без слогана</translation>
        </message>
        <message>
            <source>Promises whose latest reading missed the target</source>
            <translation>Обещания, чьё последнее значение не достигло цели</translation>
        </message>
        <message>
            <source>Bonus pools whose members' shares do not add up to 1</source>
            <translation>Фонды премий, где доли участников в сумме не дают 1</translation>
        </message>
        <message>
            <source>Other findings</source>
            <translation>Другие замечания</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>(без названия)</translation>
        </message>
        <message>
            <source>(no text)</source>
            <translation>(без текста)</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>уже принято</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>отмечено выполненным</translation>
        </message>
        <message>
            <source>“eliminate”</source>
            <translation>«упразднить»</translation>
        </message>
        <message>
            <source>“reduce”</source>
            <translation>«снизить»</translation>
        </message>
        <message>
            <source>“raise”</source>
            <translation>«повысить»</translation>
        </message>
        <message>
            <source>“create”</source>
            <translation>«создать»</translation>
        </message>
    </context>
    <context>
        <name>choices</name>
        <message>
            <source>client-facing team</source>
            <translation>клиентская команда</translation>
        </message>
        <message>
            <source>service team</source>
            <translation>сервисная команда</translation>
        </message>
        <message>
            <source>council of managers</source>
            <translation>совет управляющих</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>черновик</translation>
        </message>
        <message>
            <source>negotiating</source>
            <translation>обсуждается</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>принято</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>выполнено</translation>
        </message>
        <message>
            <source>broken</source>
            <translation>нарушено</translation>
        </message>
        <message>
            <source>retired</source>
            <translation>снято</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>запланирован</translation>
        </message>
        <message>
            <source>running</source>
            <translation>идёт</translation>
        </message>
        <message>
            <source>done</source>
            <translation>завершён</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>keep</source>
            <translation>оставить</translation>
        </message>
        <message>
            <source>drop</source>
            <translation>отказаться</translation>
        </message>
        <message>
            <source>iterate</source>
            <translation>доработать</translation>
        </message>
        <message>
            <source>month</source>
            <translation>месяц</translation>
        </message>
        <message>
            <source>quarter</source>
            <translation>квартал</translation>
        </message>
        <message>
            <source>year</source>
            <translation>год</translation>
        </message>
        <message>
            <source>met</source>
            <translation>выполнено</translation>
        </message>
        <message>
            <source>not met</source>
            <translation>не выполнено</translation>
        </message>
        <message>
            <source>— no team —</source>
            <translation>— без команды —</translation>
        </message>
        <message>
            <source>— no promise —</source>
            <translation>— без обещания —</translation>
        </message>
        <message>
            <source>margin after settlement</source>
            <translation>маржа</translation>
        </message>
        <message>
            <source>revenue</source>
            <translation>выручка</translation>
        </message>
        <message>
            <source>success indicator</source>
            <translation>показатель успеха</translation>
        </message>
    </context>
    <context>
        <name>columns</name>
        <message>
            <source>Only an internal promise (to a team) has a price: the team that receives it pays for it.</source>
            <translation>Цена есть только у внутреннего обещания (команде): за него платит команда, которая его получает.</translation>
        </message>
        <message>
            <source>A price cannot be negative.</source>
            <translation>Цена не может быть отрицательной.</translation>
        </message>
        <message>
            <source>“%1” is not a period: type a month as 2026-03 or a day as 2026-03-15</source>
            <translation>«%1» — не период: введите месяц как 2026-03 или день как 2026-03-15</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 из %2</translation>
        </message>
        <message>
            <source>A date: YYYY-MM-DD</source>
            <translation>Дата: ГГГГ-ММ-ДД</translation>
        </message>
        <message>
            <source>Client segment</source>
            <translation>Клиентский сегмент</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>Сегмент</translation>
        </message>
        <message>
            <source>Pain</source>
            <translation>Боль</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Острота</translation>
        </message>
        <message>
            <source>1 = mild … 5 = acute</source>
            <translation>1 — слабая … 5 — острая</translation>
        </message>
        <message>
            <source>Value proposition</source>
            <translation>Ценностное предложение</translation>
        </message>
        <message>
            <source>Tagline</source>
            <translation>Слоган</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Назначение</translation>
        </message>
        <message>
            <source>Lead</source>
            <translation>Лидер</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Участники</translation>
        </message>
        <message>
            <source>Names separated by commas</source>
            <translation>Имена через запятую</translation>
        </message>
        <message>
            <source>Success indicator</source>
            <translation>Показатель успеха</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Цель</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>Сейчас</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>Выручка</translation>
        </message>
        <message>
            <source>Costs</source>
            <translation>Затраты</translation>
        </message>
        <message>
            <source>Margin</source>
            <translation>Маржа</translation>
        </message>
        <message>
            <source>Revenue less costs, computed</source>
            <translation>Выручка минус затраты, считается сама</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>Валюта</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Период</translation>
        </message>
        <message>
            <source>Who promises</source>
            <translation>Кто даёт</translation>
        </message>
        <message>
            <source>To whom</source>
            <translation>Кому</translation>
        </message>
        <message>
            <source>Promise</source>
            <translation>Обещание</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>Метрика</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Granted</source>
            <translation>Обеспечено</translation>
        </message>
        <message>
            <source>Authorities and resources granted, of those the promise needs</source>
            <translation>Сколько из нужных обещанию полномочий и ресурсов уже предоставлено</translation>
        </message>
        <message>
            <source>Price a month</source>
            <translation>Цена в месяц</translation>
        </message>
        <message>
            <source>The internal market: what the team that receives an internal promise pays the team that gives it, each month</source>
            <translation>Внутренний рынок: сколько команда, получающая внутреннее обещание, каждый месяц платит команде, которая его даёт</translation>
        </message>
        <message>
            <source>Hypothesis</source>
            <translation>Гипотеза</translation>
        </message>
        <message>
            <source>Budget</source>
            <translation>Бюджет</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Начало</translation>
        </message>
        <message>
            <source>End</source>
            <translation>Окончание</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Решение</translation>
        </message>
        <message>
            <source>Serves the promise</source>
            <translation>Служит обещанию</translation>
        </message>
        <message>
            <source>The promise whose keeping the experiment is meant to improve</source>
            <translation>Обещание, выполнение которого эксперимент должен улучшить</translation>
        </message>
        <message>
            <source>What we learned</source>
            <translation>Чему научились</translation>
        </message>
        <message>
            <source>What was learned, errors included: analyse mistakes and improve from feedback</source>
            <translation>Чему научились, включая ошибки: анализировать ошибки и улучшать на основе обратной связи</translation>
        </message>
        <message>
            <source>Promise or team</source>
            <translation>Обещание или команда</translation>
        </message>
        <message>
            <source>A month (2026-03) or a day (2026-03-15)</source>
            <translation>Месяц (2026-03) или день (2026-03-15)</translation>
        </message>
        <message>
            <source>Actual value</source>
            <translation>Факт</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Выполнено</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Комментарий</translation>
        </message>
        <message>
            <source>Root value</source>
            <translation>Ценность</translation>
        </message>
        <message>
            <source>Holder</source>
            <translation>Держатель</translation>
        </message>
        <message>
            <source>The member of the council of managers who holds this value</source>
            <translation>Член совета управляющих, который держит эту ценность</translation>
        </message>
        <message>
            <source>Computed from the monthly prices of the team's internal promises (the promisee pays the promiser); typed by hand only when none of them has a price</source>
            <translation>Считается из месячных цен внутренних обещаний команды (получатель платит тому, кто обещает); вручную — только если ни у одного из них нет цены</translation>
        </message>
        <message>
            <source>Figures per the period of each team's economics</source>
            <translation>Цифры за период экономики каждой команды</translation>
        </message>
        <message>
            <source>Revenue from clients</source>
            <translation>Выручка от клиентов</translation>
        </message>
        <message>
            <source>Internal revenue</source>
            <translation>Внутр. выручка</translation>
        </message>
        <message>
            <source>Own costs</source>
            <translation>Затраты</translation>
        </message>
        <message>
            <source>Internal costs</source>
            <translation>Внутр. затраты</translation>
        </message>
        <message>
            <source>After settlement</source>
            <translation>После расчётов</translation>
        </message>
        <message>
            <source>Revenue and internal revenue less own and internal costs; a team that earns nothing is a cost centre, shown with whom it serves</source>
            <translation>Выручка и внутренняя выручка за вычетом своих и внутренних затрат; команда, которая ничего не зарабатывает, — центр затрат, рядом указано, кого она обслуживает</translation>
        </message>
        <message>
            <source>Bonus basis</source>
            <translation>База премии</translation>
        </message>
        <message>
            <source>What the team's bonus pool is a percent of: the margin after settlement, the revenue, or its costs when the success indicator is met</source>
            <translation>От чего считается фонд премий команды: от маржи после взаиморасчётов, от выручки или от её затрат, когда достигнут показатель успеха</translation>
        </message>
        <message>
            <source>%</source>
            <translation>%</translation>
        </message>
        <message>
            <source>The percent of the basis that forms the pool</source>
            <translation>Процент от базы, который идёт в фонд</translation>
        </message>
        <message>
            <source>Bonus pool</source>
            <translation>Премии</translation>
        </message>
        <message>
            <source>The team's bonus pool for its period; members' shares in the motivation inspector</source>
            <translation>Фонд премий команды за её период; доли участников — в инспекторе мотивации</translation>
        </message>
        <message>
            <source>Shares</source>
            <translation>Доли</translation>
        </message>
        <message>
            <source>Members' shares of the pool add up to 1 (100 %)</source>
            <translation>Доли участников в фонде в сумме дают 1 (100 %)</translation>
        </message>
        <message>
            <source>Experiments</source>
            <translation>Эксперименты</translation>
        </message>
        <message>
            <source>What the team may spend each month on experiments without approval (a budget a month)</source>
            <translation>Сколько команда может тратить каждый месяц на эксперименты без согласования (бюджет в месяц)</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Осталось</translation>
        </message>
        <message>
            <source>The budget less the budgets of the team's running experiments</source>
            <translation>Бюджет за вычетом бюджетов идущих экспериментов команды</translation>
        </message>
        <message>
            <source>№</source>
            <translation>№</translation>
        </message>
        <message>
            <source>The promise's number, as on its arrow on the map</source>
            <translation>Номер обещания — тот же, что на его стрелке на карте</translation>
        </message>
        <message>
            <source>Authorities</source>
            <translation>Полномочия</translation>
        </message>
        <message>
            <source>Authorities granted of those the promise needs (edit them in the inspector)</source>
            <translation>Сколько из нужных обещанию полномочий предоставлено (правка — в инспекторе)</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>Ресурсы</translation>
        </message>
        <message>
            <source>Resources granted of those the promise needs (edit them in the inspector)</source>
            <translation>Сколько из нужных обещанию ресурсов предоставлено (правка — в инспекторе)</translation>
        </message>
    </context>
    <context>
        <name>dashboard</name>
        <message>
            <source>Who</source>
            <translation>Кто</translation>
        </message>
        <message>
            <source>To whom</source>
            <translation>Кому</translation>
        </message>
        <message>
            <source>Promise or indicator</source>
            <translation>Обещание или показатель</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Цель</translation>
        </message>
        <message>
            <source>Latest figure</source>
            <translation>Факт</translation>
        </message>
        <message>
            <source>Trend</source>
            <translation>Динамика</translation>
        </message>
        <message>
            <source>Kept?</source>
            <translation>Выполнено?</translation>
        </message>
        <message>
            <source>Promises to clients</source>
            <translation>Обещания клиентам</translation>
        </message>
        <message>
            <source>Internal promises between teams</source>
            <translation>Внутренние обещания между командами</translation>
        </message>
        <message>
            <source>Success indicators of teams</source>
            <translation>Показатели успеха команд</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>выполнено</translation>
        </message>
        <message>
            <source>broken</source>
            <translation>нарушено</translation>
        </message>
        <message>
            <source>no verdict</source>
            <translation>без оценки</translation>
        </message>
        <message>
            <source>no figures yet</source>
            <translation>нет данных</translation>
        </message>
        <message>
            <source>Whole organisation</source>
            <translation>Вся организация</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Команда</translation>
        </message>
    </context>
    <context>
        <name>dialogs</name>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>Save the changes to “{name}”?</source>
            <translation>Сохранить изменения в «{name}»?</translation>
        </message>
        <message>
            <source>If you don't save them, the changes are lost.</source>
            <translation>Если не сохранить, изменения пропадут.</translation>
        </message>
        <message>
            <source>Don't Save</source>
            <translation>Не сохранять</translation>
        </message>
        <message>
            <source>never saved to a file</source>
            <translation>ещё не сохранялась в файл</translation>
        </message>
        <message>
            <source>Untitled workshop</source>
            <translation>Сессия без названия</translation>
        </message>
        <message>
            <source>Restore unsaved work?</source>
            <translation>Восстановить несохранённую работу?</translation>
        </message>
        <message>
            <source>Clientocracy Studio ended without saving “{title}” ({file}).</source>
            <translation>Clientocracy Studio завершилась, не сохранив «{title}» ({file}).</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановить</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Отбросить</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Позже</translation>
        </message>
        <message>
            <source>{user} on {host} (process {pid})</source>
            <translation>{user} на {host} (процесс {pid})</translation>
        </message>
        <message>
            <source>since {time}</source>
            <translation>с {time}</translation>
        </message>
        <message>
            <source>The workshop is already open</source>
            <translation>Сессия уже открыта</translation>
        </message>
        <message>
            <source>“{name}” is already open elsewhere: {holder}.</source>
            <translation>«{name}» уже открыт в другом месте: {holder}.</translation>
        </message>
        <message>
            <source>Continue there, or close it there and open the file here again.</source>
            <translation>Продолжите работу там или закройте файл там и откройте его здесь снова.</translation>
        </message>
        <message>
            <source>This file does not exist (any more).</source>
            <translation>Этого файла больше нет.</translation>
        </message>
        <message>
            <source>The file was made by a newer version of Clientocracy Studio. Update the app to open it.</source>
            <translation>Файл создан более новой версией Clientocracy Studio. Обновите программу, чтобы открыть его.</translation>
        </message>
        <message>
            <source>This file is not a Clientocracy workshop.</source>
            <translation>Этот файл — не сессия Clientocracy.</translation>
        </message>
        <message>
            <source>The file is damaged.</source>
            <translation>Файл повреждён.</translation>
        </message>
        <message>
            <source>The file is too large to be a workshop.</source>
            <translation>Файл слишком велик для сессии.</translation>
        </message>
        <message>
            <source>The file cannot be read (check its permissions).</source>
            <translation>Файл не читается (проверьте права доступа).</translation>
        </message>
        <message>
            <source>The file changed on disk after it was opened. Save your work under another name.</source>
            <translation>Файл изменился на диске после открытия. Сохраните работу под другим именем.</translation>
        </message>
        <message>
            <source>The file has several names (hard links); copy it to a file of its own first.</source>
            <translation>У файла несколько имён (жёсткие ссылки); сначала скопируйте его в отдельный файл.</translation>
        </message>
        <message>
            <source>The file is being written by another program; try again in a moment.</source>
            <translation>Файл сейчас записывает другая программа; попробуйте через минуту.</translation>
        </message>
        <message>
            <source>The file is read-only; nothing was written (make it writable first).</source>
            <translation>Файл только для чтения; ничего не записано (сначала разрешите запись в него).</translation>
        </message>
        <message>
            <source>The folder is read-only; nothing was written.</source>
            <translation>Папка только для чтения; ничего не записано.</translation>
        </message>
        <message>
            <source>This is not a regular file (a folder, a pipe or a device); nothing was written.</source>
            <translation>Это не обычный файл (папка, канал или устройство); ничего не записано.</translation>
        </message>
        <message>
            <source>The disk is full; nothing was written.</source>
            <translation>Диск переполнен; ничего не записано.</translation>
        </message>
        <message>
            <source>Cannot open the workshop</source>
            <translation>Не удалось открыть сессию</translation>
        </message>
        <message>
            <source>“{name}” cannot be opened.</source>
            <translation>Не удалось открыть «{name}».</translation>
        </message>
        <message>
            <source>The file was left untouched.</source>
            <translation>Файл остался нетронутым.</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>Причина: {reason}</translation>
        </message>
        <message>
            <source>Cannot save the workshop</source>
            <translation>Не удалось сохранить сессию</translation>
        </message>
        <message>
            <source>“{name}” could not be saved.</source>
            <translation>Не удалось сохранить «{name}».</translation>
        </message>
        <message>
            <source>Your work is safe in the app's working copy. Try another folder or name.</source>
            <translation>Ваша работа в сохранности в рабочей копии программы. Попробуйте другую папку или другое имя.</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Экспорт не удался</translation>
        </message>
        <message>
            <source>The export could not be written; an earlier file is kept.</source>
            <translation>Экспорт не удалось записать; прежний файл сохранён.</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Что-то пошло не так</translation>
        </message>
        <message>
            <source>The last action could not be completed.</source>
            <translation>Последнее действие не удалось выполнить.</translation>
        </message>
        <message>
            <source>Your workshop is safe: every change is kept in its working copy. The details were written to {log}.</source>
            <translation>Ваша сессия в сохранности: каждое изменение записано в рабочую копию. Подробности — в файле {log}.</translation>
        </message>
    </context>
    <context>
        <name>economics</name>
        <message>
            <source>A percent of the basis is between 0 and 100.</source>
            <translation>Процент от базы — от 0 до 100.</translation>
        </message>
        <message>
            <source>This figure is computed from the prices of the team's internal promises: change a price on the promise map or in the promise table.</source>
            <translation>Эта цифра считается из цен внутренних обещаний команды: меняйте цену на карте обещаний или в таблице обещаний.</translation>
        </message>
        <message>
            <source>A budget cannot be negative.</source>
            <translation>Бюджет не может быть отрицательным.</translation>
        </message>
        <message>
            <source>cost centre</source>
            <translation>центр затрат</translation>
        </message>
        <message>
            <source>Computed from the prices of internal promises</source>
            <translation>Считается из цен внутренних обещаний</translation>
        </message>
        <message>
            <source>Typed by hand: no internal promise of this team has a price</source>
            <translation>Введено вручную: ни у одного внутреннего обещания этой команды нет цены</translation>
        </message>
        <message>
            <source>Cost centre: sells nothing, serves %1</source>
            <translation>Центр затрат: ничего не продаёт, обслуживает %1</translation>
        </message>
        <message>
            <source>The cost of management</source>
            <translation>Затраты на управление</translation>
        </message>
        <message>
            <source>Spent by running experiments: %1</source>
            <translation>Потрачено идущими экспериментами: %1</translation>
        </message>
    </context>
    <context>
        <name>edit_field</name>
        <message>
            <source>promiser</source>
            <translation>того, кто даёт обещание</translation>
        </message>
        <message>
            <source>promisee</source>
            <translation>получателя обещания</translation>
        </message>
        <message>
            <source>target value</source>
            <translation>целевое значение</translation>
        </message>
        <message>
            <source>serving team</source>
            <translation>обслуживающую команду</translation>
        </message>
        <message>
            <source>served party</source>
            <translation>обслуживаемую сторону</translation>
        </message>
        <message>
            <source>name</source>
            <translation>название</translation>
        </message>
        <message>
            <source>title</source>
            <translation>название</translation>
        </message>
        <message>
            <source>description</source>
            <translation>описание</translation>
        </message>
        <message>
            <source>holder</source>
            <translation>держателя</translation>
        </message>
        <message>
            <source>segment</source>
            <translation>сегмент</translation>
        </message>
        <message>
            <source>text</source>
            <translation>текст</translation>
        </message>
        <message>
            <source>severity</source>
            <translation>остроту</translation>
        </message>
        <message>
            <source>statement</source>
            <translation>формулировку</translation>
        </message>
        <message>
            <source>tagline</source>
            <translation>слоган</translation>
        </message>
        <message>
            <source>scale</source>
            <translation>шкалу</translation>
        </message>
        <message>
            <source>step</source>
            <translation>шаг</translation>
        </message>
        <message>
            <source>price-like mark</source>
            <translation>признак ценового фактора</translation>
        </message>
        <message>
            <source>ERRC action</source>
            <translation>действие решётки</translation>
        </message>
        <message>
            <source>ERRC note</source>
            <translation>примечание к решётке</translation>
        </message>
        <message>
            <source>kind</source>
            <translation>вид</translation>
        </message>
        <message>
            <source>colour</source>
            <translation>цвет</translation>
        </message>
        <message>
            <source>visibility</source>
            <translation>видимость</translation>
        </message>
        <message>
            <source>reference mark</source>
            <translation>признак эталона</translation>
        </message>
        <message>
            <source>purpose</source>
            <translation>назначение</translation>
        </message>
        <message>
            <source>lead</source>
            <translation>лидера</translation>
        </message>
        <message>
            <source>members</source>
            <translation>участников</translation>
        </message>
        <message>
            <source>success indicator</source>
            <translation>показатель успеха</translation>
        </message>
        <message>
            <source>economics</source>
            <translation>экономику</translation>
        </message>
        <message>
            <source>notes</source>
            <translation>заметки</translation>
        </message>
        <message>
            <source>source</source>
            <translation>источник</translation>
        </message>
        <message>
            <source>target</source>
            <translation>цель</translation>
        </message>
        <message>
            <source>root value</source>
            <translation>корневую ценность</translation>
        </message>
        <message>
            <source>parent promise</source>
            <translation>родительское обещание</translation>
        </message>
        <message>
            <source>metric</source>
            <translation>метрику</translation>
        </message>
        <message>
            <source>status</source>
            <translation>статус</translation>
        </message>
        <message>
            <source>authorities</source>
            <translation>полномочия</translation>
        </message>
        <message>
            <source>resources</source>
            <translation>ресурсы</translation>
        </message>
        <message>
            <source>team</source>
            <translation>команду</translation>
        </message>
        <message>
            <source>hypothesis</source>
            <translation>гипотезу</translation>
        </message>
        <message>
            <source>budget</source>
            <translation>бюджет</translation>
        </message>
        <message>
            <source>start date</source>
            <translation>дату начала</translation>
        </message>
        <message>
            <source>end date</source>
            <translation>дату окончания</translation>
        </message>
        <message>
            <source>result</source>
            <translation>результат</translation>
        </message>
        <message>
            <source>decision</source>
            <translation>решение</translation>
        </message>
        <message>
            <source>organisation</source>
            <translation>организацию</translation>
        </message>
        <message>
            <source>facilitator</source>
            <translation>ведущего</translation>
        </message>
        <message>
            <source>date</source>
            <translation>дату</translation>
        </message>
        <message>
            <source>language</source>
            <translation>язык</translation>
        </message>
        <message>
            <source>evolutionary goal</source>
            <translation>эволюционную цель</translation>
        </message>
        <message>
            <source>goal rationale</source>
            <translation>обоснование цели</translation>
        </message>
        <message>
            <source>extensions</source>
            <translation>расширения</translation>
        </message>
        <message>
            <source>levels</source>
            <translation>уровни</translation>
        </message>
        <message>
            <source>factors</source>
            <translation>факторы</translation>
        </message>
        <message>
            <source>curves</source>
            <translation>кривые</translation>
        </message>
        <message>
            <source>motivation</source>
            <translation>мотивацию</translation>
        </message>
        <message>
            <source>experiment budget</source>
            <translation>бюджет экспериментов</translation>
        </message>
        <message>
            <source>internal price</source>
            <translation>внутреннюю цену</translation>
        </message>
        <message>
            <source>joint promisers</source>
            <translation>совместных исполнителей</translation>
        </message>
        <message>
            <source>alternative promisers</source>
            <translation>альтернативных исполнителей</translation>
        </message>
        <message>
            <source>promise served</source>
            <translation>обещание, которому служит</translation>
        </message>
        <message>
            <source>learning</source>
            <translation>выводы</translation>
        </message>
        <message>
            <source>measured object</source>
            <translation>измеряемый объект</translation>
        </message>
        <message>
            <source>period</source>
            <translation>период</translation>
        </message>
        <message>
            <source>met mark</source>
            <translation>отметку о выполнении</translation>
        </message>
        <message>
            <source>note</source>
            <translation>комментарий</translation>
        </message>
    </context>
    <context>
        <name>edit_label</name>
        <message>
            <source>Add %1</source>
            <translation>Добавить %1</translation>
        </message>
        <message>
            <source>Delete %1</source>
            <translation>Удалить %1</translation>
        </message>
        <message>
            <source>Move %1</source>
            <translation>Переместить %1</translation>
        </message>
        <message>
            <source>Change %1</source>
            <translation>Изменить %1</translation>
        </message>
        <message>
            <source>Change %1 %2</source>
            <translation>Изменить %2 %1</translation>
        </message>
        <message>
            <source>Set level</source>
            <translation>Изменить уровень</translation>
        </message>
        <message>
            <source>Move node</source>
            <translation>Переместить узел</translation>
        </message>
    </context>
    <context>
        <name>edit_object</name>
        <message>
            <source>root value</source>
            <translation>корневую ценность</translation>
        </message>
        <message>
            <source>client segment</source>
            <translation>клиентский сегмент</translation>
        </message>
        <message>
            <source>pain</source>
            <translation>боль</translation>
        </message>
        <message>
            <source>value proposition</source>
            <translation>ценностное предложение</translation>
        </message>
        <message>
            <source>strategy canvas</source>
            <translation>стратегическую канву</translation>
        </message>
        <message>
            <source>team</source>
            <translation>команду</translation>
        </message>
        <message>
            <source>structure link</source>
            <translation>связь в структуре</translation>
        </message>
        <message>
            <source>promise</source>
            <translation>обещание</translation>
        </message>
        <message>
            <source>experiment</source>
            <translation>эксперимент</translation>
        </message>
        <message>
            <source>factor</source>
            <translation>фактор</translation>
        </message>
        <message>
            <source>value curve</source>
            <translation>кривую ценности</translation>
        </message>
        <message>
            <source>reading</source>
            <translation>замер</translation>
        </message>
    </context>
    <context>
        <name>edit_owner</name>
        <message>
            <source>root value</source>
            <translation>корневой ценности</translation>
        </message>
        <message>
            <source>segment</source>
            <translation>сегмента</translation>
        </message>
        <message>
            <source>pain</source>
            <translation>боли</translation>
        </message>
        <message>
            <source>proposition</source>
            <translation>ценностного предложения</translation>
        </message>
        <message>
            <source>canvas</source>
            <translation>канвы</translation>
        </message>
        <message>
            <source>team</source>
            <translation>команды</translation>
        </message>
        <message>
            <source>link</source>
            <translation>связи</translation>
        </message>
        <message>
            <source>promise</source>
            <translation>обещания</translation>
        </message>
        <message>
            <source>experiment</source>
            <translation>эксперимента</translation>
        </message>
        <message>
            <source>factor</source>
            <translation>фактора</translation>
        </message>
        <message>
            <source>curve</source>
            <translation>кривой</translation>
        </message>
        <message>
            <source>reading</source>
            <translation>замера</translation>
        </message>
    </context>
    <context>
        <name>exports</name>
        <message>
            <source>PDF &amp;handout…</source>
            <translation>&amp;Раздаточные материалы PDF…</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Документ PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF handout, A&amp;3 landscape…</source>
            <translation>Раздаточные материалы PDF, A&amp;3 альбомная…</translation>
        </message>
        <message>
            <source>&amp;PowerPoint deck…</source>
            <translation>Презентация &amp;PowerPoint…</translation>
        </message>
        <message>
            <source>PowerPoint presentation (*.pptx)</source>
            <translation>Презентация PowerPoint (*.pptx)</translation>
        </message>
        <message>
            <source>PDF &amp;slides…</source>
            <translation>&amp;Слайды PDF…</translation>
        </message>
        <message>
            <source>P&amp;ictures…</source>
            <translation>&amp;Картинки…</translation>
        </message>
    </context>
    <context>
        <name>files</name>
        <message>
            <source>Workshops (*.clientocracy *.json)</source>
            <translation>Сессии (*.clientocracy *.json)</translation>
        </message>
        <message>
            <source>Clientocracy workshop (*.clientocracy)</source>
            <translation>Сессия Clientocracy (*.clientocracy)</translation>
        </message>
        <message>
            <source>JSON interchange (*.json)</source>
            <translation>Обменный формат JSON (*.json)</translation>
        </message>
        <message>
            <source>Open workshop</source>
            <translation>Открыть сессию</translation>
        </message>
        <message>
            <source>Import JSON</source>
            <translation>Импорт JSON</translation>
        </message>
        <message>
            <source>Save workshop as</source>
            <translation>Сохранить сессию как</translation>
        </message>
    </context>
    <context>
        <name>gui</name>
        <message>
            <source>the bundled sample</source>
            <translation>встроенный пример</translation>
        </message>
        <message>
            <source>The last workshop, {name}, is no longer there.</source>
            <translation>Файла последней сессии {name} больше нет.</translation>
        </message>
    </context>
    <context>
        <name>guide</name>
        <message>
            <source>Define the client</source>
            <translation>Определить своего клиента или заказчика</translation>
        </message>
        <message>
            <source>Name the client segments in the words of the business.</source>
            <translation>Назовите клиентские сегменты словами самого бизнеса.</translation>
        </message>
        <message>
            <source>Workshop ▸ Segments</source>
            <translation>Сессия ▸ Сегменты</translation>
        </message>
        <message>
            <source>Find the client's pains</source>
            <translation>Найти боли, проблемы клиента или заказчика</translation>
        </message>
        <message>
            <source>What hurts each segment, and how much (severity 1–5).</source>
            <translation>Что болит у каждого сегмента и насколько сильно (острота 1–5).</translation>
        </message>
        <message>
            <source>Workshop ▸ Pains</source>
            <translation>Сессия ▸ Боли</translation>
        </message>
        <message>
            <source>Value proposition and strategy canvas</source>
            <translation>Определить ценностное предложение для клиента или заказчика, построить стратегическую канву</translation>
        </message>
        <message>
            <source>The proposition to each segment; the canvas of competing factors, value curves and the ERRC grid.</source>
            <translation>Предложение каждому сегменту; канва с факторами конкуренции, кривыми ценности и решёткой «упразднить — снизить — повысить — создать».</translation>
        </message>
        <message>
            <source>Workshop ▸ Propositions; Strategy canvas</source>
            <translation>Сессия ▸ Предложения; Стратегическая канва</translation>
        </message>
        <message>
            <source>Promises to the client</source>
            <translation>Сформулировать обещания клиенту, определить метрики оценки их выполнения и необходимые полномочия</translation>
        </message>
        <message>
            <source>What each client-facing team promises a segment, its metric and target, and the authorities it needs.</source>
            <translation>Что каждая клиентская команда обещает сегменту, метрика и цель, и какие полномочия для этого нужны.</translation>
        </message>
        <message>
            <source>Promise map; Workshop ▸ Promises</source>
            <translation>Карта обещаний; Сессия ▸ Обещания</translation>
        </message>
        <message>
            <source>Internal promises</source>
            <translation>Сформировать внутренние обещания, договориться о полномочиях для их выполнения</translation>
        </message>
        <message>
            <source>Promises between teams, and the authorities agreed for them.</source>
            <translation>Обещания между командами и согласованные для них полномочия.</translation>
        </message>
        <message>
            <source>Council and autonomous teams</source>
            <translation>Создать Совет управляющих и автономные команды</translation>
        </message>
        <message>
            <source>The structure from the client: client-facing teams next to the clients, service teams behind them, the council beside it all.</source>
            <translation>Структура от клиента: клиентские команды рядом с клиентами, сервисные — за ними, совет управляющих — рядом со всем этим, а не над ним.</translation>
        </message>
        <message>
            <source>Structure; Workshop ▸ Teams</source>
            <translation>Структура; Сессия ▸ Команды</translation>
        </message>
        <message>
            <source>Team economics and motivation</source>
            <translation>Рассчитать экономику команд и разработать мотивацию для каждого ее участника</translation>
        </message>
        <message>
            <source>Each team's revenue and costs, what it sells to and buys from other teams (the internal market), the margin after settlement; the motivation of every participant: the bonus pool and members' shares.</source>
            <translation>Выручка и затраты каждой команды, что она продаёт другим командам и покупает у них (внутренний рынок), маржа после взаиморасчётов; мотивация каждого участника: фонд премий и доли участников.</translation>
        </message>
        <message>
            <source>Workshop ▸ Economics &amp; indicators; Motivation; Settlements</source>
            <translation>Сессия ▸ Экономика и показатели; Мотивация; Взаиморасчёты</translation>
        </message>
        <message>
            <source>Success indicators</source>
            <translation>Установить показатель успешности работы команды</translation>
        </message>
        <message>
            <source>One indicator per team, with its target and current value.</source>
            <translation>По одному показателю на команду, с целевым и текущим значением.</translation>
        </message>
        <message>
            <source>Workshop ▸ Economics &amp; indicators</source>
            <translation>Сессия ▸ Экономика и показатели</translation>
        </message>
        <message>
            <source>Adjust through experiments</source>
            <translation>Прилаживать: экспериментировать, анализировать ошибки и улучшать на основе обратной связи</translation>
        </message>
        <message>
            <source>Hypotheses tested with a metric and a budget, each serving a promise, within the team's budget for experiments without approval; what was learned; keep, drop or iterate.</source>
            <translation>Гипотезы, проверяемые метрикой и бюджетом, каждая служит обещанию, в пределах бюджета команды на эксперименты без согласования; чему научились; оставить, отказаться или доработать.</translation>
        </message>
        <message>
            <source>Workshop ▸ Experiments</source>
            <translation>Сессия ▸ Эксперименты</translation>
        </message>
        <message>
            <source>Clientocracy builds the organisation from the value it gives its clients. Start from the evolutionary goal, then walk the nine stages; the navigator on the left marks a stage ✓ when it has what it needs, and the checks panel names what is missing.</source>
            <translation>Клиентократия строит организацию от ценности, которую она даёт клиентам. Начните с эволюционной цели, затем пройдите девять этапов; навигатор слева отмечает этап знаком ✓, когда в нём есть всё необходимое, а панель проверок называет, чего не хватает.</translation>
        </message>
        <message>
            <source>In the app:</source>
            <translation>В программе:</translation>
        </message>
        <message>
            <source>A promise is taken only with every authority and resource it needs; the checks flag a promise accepted without them.</source>
            <translation>Обещание берут, только получив все нужные полномочия и ресурсы; проверки отмечают обещание, принятое без них.</translation>
        </message>
    </context>
    <context>
        <name>menus</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Экспорт</translation>
        </message>
        <message>
            <source>&amp;Panels</source>
            <translation>&amp;Панели</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <source>&amp;New workshop</source>
            <translation>&amp;Новая сессия</translation>
        </message>
        <message>
            <source>Start an empty workshop</source>
            <translation>Начать пустую сессию</translation>
        </message>
        <message>
            <source>New from &amp;sample</source>
            <translation>Новая по о&amp;бразцу</translation>
        </message>
        <message>
            <source>Start a workshop from the bundled sample</source>
            <translation>Начать сессию со встроенного примера</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Открыть…</translation>
        </message>
        <message>
            <source>Open a workshop file or a JSON interchange file</source>
            <translation>Открыть файл сессии или обменный файл JSON</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Сохранить</translation>
        </message>
        <message>
            <source>Save the workshop to its file</source>
            <translation>Сохранить сессию в её файл</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Сохранить &amp;как…</translation>
        </message>
        <message>
            <source>Save the workshop under a new name</source>
            <translation>Сохранить сессию под новым именем</translation>
        </message>
        <message>
            <source>&amp;Import JSON…</source>
            <translation>&amp;Импорт JSON…</translation>
        </message>
        <message>
            <source>Open a workshop from the JSON interchange format</source>
            <translation>Открыть сессию из обменного формата JSON</translation>
        </message>
        <message>
            <source>S&amp;hare as a copy…</source>
            <translation>&amp;Поделиться копией…</translation>
        </message>
        <message>
            <source>Save a copy for a colleague to work on apart; merge it back later</source>
            <translation>Сохранить копию для коллеги, чтобы работать порознь, и потом слить её обратно</translation>
        </message>
        <message>
            <source>&amp;Merge another copy…</source>
            <translation>С&amp;лить другую копию…</translation>
        </message>
        <message>
            <source>Bring a colleague's copy of this workshop back in, choosing where both changed the same thing</source>
            <translation>Вернуть в сессию копию коллеги и выбрать, что оставить там, где оба изменили одно и то же</translation>
        </message>
        <message>
            <source>Share on this &amp;network…</source>
            <translation>Совместная работа по се&amp;ти…</translation>
        </message>
        <message>
            <source>Let the other laptops in the room edit this workshop with you, live</source>
            <translation>Дать другим ноутбукам в зале править эту сессию вместе с вами, вживую</translation>
        </message>
        <message>
            <source>&amp;Join…</source>
            <translation>Присо&amp;единиться…</translation>
        </message>
        <message>
            <source>Edit live the workshop another laptop shares on this network</source>
            <translation>Вживую править сессию, которую другой ноутбук открыл в этой сети</translation>
        </message>
        <message>
            <source>&amp;Close workshop</source>
            <translation>&amp;Закрыть сессию</translation>
        </message>
        <message>
            <source>Close the workshop (asks about unsaved changes)</source>
            <translation>Закрыть сессию (с вопросом о несохранённых изменениях)</translation>
        </message>
        <message>
            <source>&amp;Full registers (appendix)</source>
            <translation>&amp;Полные реестры (приложение)</translation>
        </message>
        <message>
            <source>Add every promise and team of a large workshop to the handout, slides and deck as an appendix (by default they are summarised)</source>
            <translation>Добавить в раздаточные материалы, слайды и презентацию все обещания и команды большой сессии приложением (по умолчанию — сводка)</translation>
        </message>
        <message>
            <source>Handout &amp;branding…</source>
            <translation>&amp;Фирменный стиль…</translation>
        </message>
        <message>
            <source>The logo and accent colour of handouts, slides and decks</source>
            <translation>Логотип и фирменный цвет раздаточных материалов, слайдов и презентаций</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <source>Quit Clientocracy Studio</source>
            <translation>Завершить работу Clientocracy Studio</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Удалить</translation>
        </message>
        <message>
            <source>Delete the selection with what hangs on it (Undo brings it back)</source>
            <translation>Удалить выделенное вместе со всем, что от него зависит (отмена вернёт)</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>Выделить &amp;всё</translation>
        </message>
        <message>
            <source>Copy &amp;picture</source>
            <translation>Копировать &amp;картинку</translation>
        </message>
        <message>
            <source>Put a picture of the editor in front on the clipboard</source>
            <translation>Положить картинку открытого редактора в буфер обмена</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Найти…</translation>
        </message>
        <message>
            <source>Select the objects of the editor in front whose text contains a word</source>
            <translation>Выделить в открытом редакторе объекты, в тексте которых есть слово</translation>
        </message>
        <message>
            <source>&amp;Workshop</source>
            <translation>&amp;Сессия</translation>
        </message>
        <message>
            <source>The goal, the details and every list as a table</source>
            <translation>Цель, сведения и все списки в виде таблиц</translation>
        </message>
        <message>
            <source>&amp;Larger text</source>
            <translation>У&amp;величить текст</translation>
        </message>
        <message>
            <source>&amp;Smaller text</source>
            <translation>Уме&amp;ньшить текст</translation>
        </message>
        <message>
            <source>&amp;Normal text size</source>
            <translation>&amp;Обычный размер текста</translation>
        </message>
        <message>
            <source>&amp;Full screen</source>
            <translation>&amp;Полный экран</translation>
        </message>
        <message>
            <source>&amp;Present on the projector</source>
            <translation>&amp;Показ на проекторе</translation>
        </message>
        <message>
            <source>Show the workshop's story full screen, still editable (Esc leaves)</source>
            <translation>Показать историю сессии на весь экран, с правкой (Esc — выход)</translation>
        </message>
        <message>
            <source>The method's &amp;9 stages</source>
            <translation>&amp;9 этапов метода</translation>
        </message>
        <message>
            <source>A short guide to the stages of Clientocracy</source>
            <translation>Краткое руководство по этапам Клиентократии</translation>
        </message>
        <message>
            <source>&amp;About Clientocracy Studio</source>
            <translation>&amp;О программе Clientocracy Studio</translation>
        </message>
        <message>
            <source>&amp;System language</source>
            <translation>&amp;Язык системы</translation>
        </message>
        <message>
            <source>Follow the language of the system</source>
            <translation>Как в системе</translation>
        </message>
    </context>
    <context>
        <name>new_rows</name>
        <message>
            <source>New value</source>
            <translation>Новая ценность</translation>
        </message>
        <message>
            <source>New segment</source>
            <translation>Новый сегмент</translation>
        </message>
        <message>
            <source>Add a client segment first: every pain belongs to a segment.</source>
            <translation>Сначала добавьте клиентский сегмент: каждая боль относится к сегменту.</translation>
        </message>
        <message>
            <source>New pain</source>
            <translation>Новая боль</translation>
        </message>
        <message>
            <source>Add a client segment first: every value proposition is made to a segment.</source>
            <translation>Сначала добавьте клиентский сегмент: ценностное предложение делается сегменту.</translation>
        </message>
        <message>
            <source>New value proposition</source>
            <translation>Новое ценностное предложение</translation>
        </message>
        <message>
            <source>New team</source>
            <translation>Новая команда</translation>
        </message>
        <message>
            <source>Add a team and a client segment first: a promise goes from a team to a client or a team.</source>
            <translation>Сначала добавьте команду и клиентский сегмент: обещание идёт от команды к клиенту или к другой команде.</translation>
        </message>
        <message>
            <source>New promise</source>
            <translation>Новое обещание</translation>
        </message>
        <message>
            <source>New hypothesis</source>
            <translation>Новая гипотеза</translation>
        </message>
        <message>
            <source>Add a promise or a team first: a reading is a figure of a promise or of a team's indicator.</source>
            <translation>Сначала добавьте обещание или команду: замер — это значение обещания или показателя успеха команды.</translation>
        </message>
    </context>
    <context>
        <name>pages</name>
        <message>
            <source>Segments</source>
            <translation>Сегменты</translation>
        </message>
        <message>
            <source>Stage 1 · Who the clients are: each segment in the words of the business.</source>
            <translation>Этап 1 · Кто наши клиенты: каждый сегмент словами самого бизнеса.</translation>
        </message>
        <message>
            <source>Pains</source>
            <translation>Боли</translation>
        </message>
        <message>
            <source>Stage 2 · What hurts each segment; severity from 1 (mild) to 5 (acute).</source>
            <translation>Этап 2 · Что болит у каждого сегмента; острота от 1 (слабая) до 5 (острая).</translation>
        </message>
        <message>
            <source>Propositions</source>
            <translation>Предложения</translation>
        </message>
        <message>
            <source>Stage 3 · The value proposition to each segment and its tagline.</source>
            <translation>Этап 3 · Ценностное предложение каждому сегменту и его слоган.</translation>
        </message>
        <message>
            <source>Teams</source>
            <translation>Команды</translation>
        </message>
        <message>
            <source>Stage 6 · The council of managers and the autonomous teams: purpose, lead, members.</source>
            <translation>Этап 6 · Совет управляющих и автономные команды: назначение, лидер, участники.</translation>
        </message>
        <message>
            <source>Economics &amp; indicators</source>
            <translation>Экономика и показатели</translation>
        </message>
        <message>
            <source>Stages 7 and 8 · Each team's economics (the margin is computed) and its success indicator.</source>
            <translation>Этапы 7 и 8 · Экономика каждой команды (маржа считается сама) и её показатель успеха.</translation>
        </message>
        <message>
            <source>Promises</source>
            <translation>Обещания</translation>
        </message>
        <message>
            <source>Stages 4 and 5 · Who promises what to whom, how it is measured, and its status.</source>
            <translation>Этапы 4 и 5 · Кто что кому обещает, как это измеряется и в каком статусе.</translation>
        </message>
        <message>
            <source>Experiments</source>
            <translation>Эксперименты</translation>
        </message>
        <message>
            <source>Stage 9 · Experiments without approval, within each team's monthly budget: hypothesis, metric, budget, dates, outcome, decision, the promise served and what was learned.</source>
            <translation>Этап 9 · Эксперименты без согласования в пределах месячного бюджета каждой команды: гипотеза, метрика, бюджет, сроки, результат, решение, обещание, которому он служит, и чему научились.</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Цифры</translation>
        </message>
        <message>
            <source>Transparency in figures · The actual value of each promise's metric and each team's success indicator per month, kept or not.</source>
            <translation>Прозрачность в цифрах · Фактическое значение метрики каждого обещания и показателя успеха каждой команды по месяцам: выполнено или нет.</translation>
        </message>
        <message>
            <source>Strategy canvas</source>
            <translation>Стратегическая канва</translation>
        </message>
        <message>
            <source>Competing factors, value curves and the ERRC grid (stage 3).</source>
            <translation>Факторы конкуренции, кривые ценности и решётка «упразднить — снизить — повысить — создать» (этап 3).</translation>
        </message>
        <message>
            <source>Structure</source>
            <translation>Структура</translation>
        </message>
        <message>
            <source>The organisation drawn from the client: segments, client-facing and service teams, the council (stage 6).</source>
            <translation>Организация, нарисованная от клиента: сегменты, клиентские и сервисные команды, совет (этап 6).</translation>
        </message>
        <message>
            <source>Promise map</source>
            <translation>Карта обещаний</translation>
        </message>
        <message>
            <source>Who promises what to whom, with metrics, authorities and resources (stages 4 and 5).</source>
            <translation>Кто что кому обещает, с метриками, полномочиями и ресурсами (этапы 4 и 5).</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Дашборд</translation>
        </message>
        <message>
            <source>Transparency in figures: every client and internal promise and every team's indicator, its latest figures, kept or broken.</source>
            <translation>Прозрачность в цифрах: каждое клиентское и внутреннее обещание и показатель каждой команды, последние значения, выполнено или нарушено.</translation>
        </message>
    </context>
    <context>
        <name>promise_status</name>
        <message>
            <source>draft</source>
            <translation>черновик</translation>
        </message>
        <message>
            <source>negotiating</source>
            <translation>обсуждается</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>принято</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>выполнено</translation>
        </message>
        <message>
            <source>broken</source>
            <translation>нарушено</translation>
        </message>
        <message>
            <source>retired</source>
            <translation>снято</translation>
        </message>
    </context>
</TS>
