<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>CanvasPaste</name>
        <message numerus="yes">
            <source>Add %n factor(s)</source>
            <translation>
                <numerusform>Add %n factor</numerusform>
                <numerusform>Add %n factors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Added %n factor(s).</source>
            <translation>
                <numerusform>Added %n factor.</numerusform>
                <numerusform>Added %n factors.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Skipped %n duplicate name(s).</source>
            <translation>
                <numerusform>Skipped %n duplicate name.</numerusform>
                <numerusform>Skipped %n duplicate names.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Skipped %n blank line(s).</source>
            <translation>
                <numerusform>Skipped %n blank line.</numerusform>
                <numerusform>Skipped %n blank lines.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChecksPanel</name>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hint(s)</source>
            <translation>
                <numerusform>%n hint</numerusform>
                <numerusform>%n hints</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DiagramView</name>
        <message numerus="yes">
            <source>%Ln bundle(s)</source>
            <translation>
                <numerusform>%Ln bundle</numerusform>
                <numerusform>%Ln bundles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Summary: %Ln link(s) in %1. Zoom in to see each link.</source>
            <translation>
                <numerusform>Summary: %Ln link in %1. Zoom in to see each link.</numerusform>
                <numerusform>Summary: %Ln links in %1. Zoom in to see each link.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DialogTexts</name>
        <message numerus="yes">
            <source>%n unsaved change(s) can be restored.</source>
            <translation>
                <numerusform>%n unsaved change can be restored.</numerusform>
                <numerusform>%n unsaved changes can be restored.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EditWords</name>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n change</numerusform>
                <numerusform>%n changes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FindingsPage</name>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hint(s)</source>
            <translation>
                <numerusform>%n hint</numerusform>
                <numerusform>%n hints</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open question(s)</source>
            <translation>
                <numerusform>%n open question</numerusform>
                <numerusform>%n open questions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message numerus="yes">
            <source>%n promise(s) will be added from «%1».</source>
            <translation>
                <numerusform>%n promise will be added from «%1».</numerusform>
                <numerusform>%n promises will be added from «%1».</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) will be skipped.</source>
            <translation>
                <numerusform>%n row will be skipped.</numerusform>
                <numerusform>%n rows will be skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import %n promise(s)</source>
            <translation>
                <numerusform>Import %n promise</numerusform>
                <numerusform>Import %n promises</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LiveControl</name>
        <message numerus="yes">
            <source>Sharing on %1 · %n laptop(s) connected</source>
            <translation>
                <numerusform>Sharing on %1 · %n laptop connected</numerusform>
                <numerusform>Sharing on %1 · %n laptops connected</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n object(s) found</source>
            <translation>
                <numerusform>%n object found</numerusform>
                <numerusform>%n objects found</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message numerus="yes">
            <source>%n conflict(s): both copies changed the same thing. Choose what to keep in each.</source>
            <translation>
                <numerusform>%n conflict: both copies changed the same thing. Choose what to keep.</numerusform>
                <numerusform>%n conflicts: both copies changed the same thing. Choose what to keep in each.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more {word}</source>
            <translation>
                <numerusform>%n more {word}</numerusform>
                <numerusform>%n more {word}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Merged “{name}”: %n conflict(s) resolved. Undo takes the merge back.</source>
            <translation>
                <numerusform>Merged “{name}”: %n conflict resolved. Undo takes the merge back.</numerusform>
                <numerusform>Merged “{name}”: %n conflicts resolved. Undo takes the merge back.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PresentationDiagrams</name>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>and %n more</numerusform>
                <numerusform>and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n client segment(s)</source>
            <translation>
                <numerusform>%n client segment</numerusform>
                <numerusform>%n client segments</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n client-facing team(s)</source>
            <translation>
                <numerusform>%n client-facing team</numerusform>
                <numerusform>%n client-facing teams</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n service team(s)</source>
            <translation>
                <numerusform>%n service team</numerusform>
                <numerusform>%n service teams</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n promise(s)</source>
            <translation>
                <numerusform>%n promise</numerusform>
                <numerusform>%n promises</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n accepted or kept</source>
            <translation>
                <numerusform>%n accepted or kept</numerusform>
                <numerusform>%n accepted or kept</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PromiseInspector</name>
        <message numerus="yes">
            <source>Receives %n promise(s). The map highlights every promise that reaches this client.</source>
            <translation>
                <numerusform>Receives %n promise. The map highlights every promise that reaches this client.</numerusform>
                <numerusform>Receives %n promises. The map highlights every promise that reaches this client.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n objects selected.</source>
            <translation>
                <numerusform>%n object selected.</numerusform>
                <numerusform>%n objects selected.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Supported by %n promise(s) — show</source>
            <translation>
                <numerusform>Supported by %n promise — show</numerusform>
                <numerusform>Supported by %n promises — show</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PromiseMap</name>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>and %n more</numerusform>
                <numerusform>and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n promise(s)</source>
            <translation>
                <numerusform>%n promise</numerusform>
                <numerusform>%n promises</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %n part(ies)</source>
            <translation>
                <numerusform>Move %n party</numerusform>
                <numerusform>Move %n parties</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n item(s)</source>
            <translation>
                <numerusform>Delete %n item</numerusform>
                <numerusform>Delete %n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Arrows are drawn for the parties in view: %n promise(s) elsewhere are left out at this zoom. Zoom out to see the whole map.</source>
            <translation>
                <numerusform>Arrows are drawn for the parties in view: %n promise elsewhere is left out at this zoom. Zoom out to see the whole map.</numerusform>
                <numerusform>Arrows are drawn for the parties in view: %n promises elsewhere are left out at this zoom. Zoom out to see the whole map.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln bundle(s)</source>
            <translation>
                <numerusform>%Ln bundle</numerusform>
                <numerusform>%Ln bundles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Summary: %Ln promise(s) in %1. Zoom in to see each promise.</source>
            <translation>
                <numerusform>Summary: %Ln promise in %1. Zoom in to see each promise.</numerusform>
                <numerusform>Summary: %Ln promises in %1. Zoom in to see each promise.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PromiseMapEditor</name>
        <message numerus="yes">
            <source>%n promise(s) imported.</source>
            <translation>
                <numerusform>%n promise imported.</numerusform>
                <numerusform>%n promises imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Expand bundle (%n promises)</source>
            <translation>
                <numerusform>Expand bundle (%n promise)</numerusform>
                <numerusform>Expand bundle (%n promises)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Draft the promises its structure links lack (%n)</source>
            <translation>
                <numerusform>Draft the promise its structure link lacks (%n)</numerusform>
                <numerusform>Draft the promises its structure links lack (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add structure links for its promises (%n)</source>
            <translation>
                <numerusform>Add the structure link for its promise (%n)</numerusform>
                <numerusform>Add structure links for its promises (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add every missing structure link (%n)</source>
            <translation>
                <numerusform>Add the missing structure link (%n)</numerusform>
                <numerusform>Add every missing structure link (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Draft every missing promise (%n)</source>
            <translation>
                <numerusform>Draft the missing promise (%n)</numerusform>
                <numerusform>Draft every missing promise (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PromiseTablePanel</name>
        <message numerus="yes">
            <source>%n promise(s)</source>
            <translation>
                <numerusform>%n promise</numerusform>
                <numerusform>%n promises</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PromiseTree</name>
        <message numerus="yes">
            <source>Only «%1» can keep it, and %n promise(s) to clients rest on it. Mark an alternative promiser (right-click) so that the client is not left without it.</source>
            <translation>
                <numerusform>Only «%1» can keep it, and %n promise to clients rests on it. Mark an alternative promiser (right-click) so that the client is not left without it.</numerusform>
                <numerusform>Only «%1» can keep it, and %n promises to clients rest on it. Mark an alternative promiser (right-click) so that the client is not left without it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RowWords</name>
        <message numerus="yes">
            <source>Delete %n row(s)</source>
            <translation>
                <numerusform>Delete %n row</numerusform>
                <numerusform>Delete %n rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShareDialog</name>
        <message numerus="yes">
            <source>%n laptop(s) connected</source>
            <translation>
                <numerusform>%n laptop connected</numerusform>
                <numerusform>%n laptops connected</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StageTexts</name>
        <message numerus="yes">
            <source>%n open problem(s) in the checks</source>
            <translation>
                <numerusform>%n open problem in the checks</numerusform>
                <numerusform>%n open problems in the checks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n segment(s)</source>
            <translation>
                <numerusform>%n segment</numerusform>
                <numerusform>%n segments</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pain(s)</source>
            <translation>
                <numerusform>%n pain</numerusform>
                <numerusform>%n pains</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n proposition(s)</source>
            <translation>
                <numerusform>%n proposition</numerusform>
                <numerusform>%n propositions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n canvas(es)</source>
            <translation>
                <numerusform>%n canvas</numerusform>
                <numerusform>%n canvases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n promise(s) to clients</source>
            <translation>
                <numerusform>%n promise to clients</numerusform>
                <numerusform>%n promises to clients</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n internal promise(s)</source>
            <translation>
                <numerusform>%n internal promise</numerusform>
                <numerusform>%n internal promises</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n team(s)</source>
            <translation>
                <numerusform>%n team</numerusform>
                <numerusform>%n teams</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n team(s) with economics</source>
            <translation>
                <numerusform>%n team with economics</numerusform>
                <numerusform>%n teams with economics</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with motivation</source>
            <translation>
                <numerusform>%n with motivation</numerusform>
                <numerusform>%n with motivation</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n indicator(s)</source>
            <translation>
                <numerusform>%n indicator</numerusform>
                <numerusform>%n indicators</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with readings</source>
            <translation>
                <numerusform>%n with readings</numerusform>
                <numerusform>%n with readings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n experiment(s)</source>
            <translation>
                <numerusform>%n experiment</numerusform>
                <numerusform>%n experiments</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StructureEditor</name>
        <message numerus="yes">
            <source>⚠ Duplication: %n promise(s) to clients of other teams rest on this team alone (no alternative promiser):</source>
            <translation>
                <numerusform>⚠ Duplication: %n promise to clients of other teams rests on this team alone (no alternative promiser):</numerusform>
                <numerusform>⚠ Duplication: %n promises to clients of other teams rest on this team alone (no alternative promiser):</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n items selected. Select one segment or team to edit it.</source>
            <translation>
                <numerusform>%n item selected. Select one segment or team to edit it.</numerusform>
                <numerusform>%n items selected. Select one segment or team to edit it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>%n member</numerusform>
                <numerusform>%n members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %n part(ies)</source>
            <translation>
                <numerusform>Move %n party</numerusform>
                <numerusform>Move %n parties</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n item(s)</source>
            <translation>
                <numerusform>Delete %n item</numerusform>
                <numerusform>Delete %n items</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimerWidget</name>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
    </context>
</TS>
