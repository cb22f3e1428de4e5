<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../reader/ui/actions.py" line="29"/>
        <source>Yellow</source>
        <extracomment>Swatch colours for the highlight colours the core knows (light theme).</extracomment>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="30"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="31"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="32"/>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="33"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="34"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="126"/>
        <source>Highlight %s</source>
        <translation>%s标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="128"/>
        <source>Highlight the selected passage in %s</source>
        <translation>用%s标注选中的段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="136"/>
        <source>Import &amp;Files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="138"/>
        <source>Import pages, web pages, PDF pages and Markdown files</source>
        <translation>导入报纸版面、网页、PDF 版面和 Markdown 文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="142"/>
        <source>Import F&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="142"/>
        <source>Import every page in a folder</source>
        <translation>导入文件夹中的所有版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="146"/>
        <source>Open &amp;URL…</source>
        <translation>打开网址(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="148"/>
        <source>Import a web article or an e-paper page from its address</source>
        <translation>按网址导入网页文章或电子报版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="152"/>
        <source>&amp;Paste as New Article</source>
        <translation>粘贴为新文章(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="154"/>
        <source>Make the text or web page on the clipboard a new article</source>
        <translation>把剪贴板上的文字或网页作为一篇新文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="157"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="157"/>
        <location filename="../../reader/ui/export_dialog.py" line="72"/>
        <source>Export highlights and notes</source>
        <translation>导出标注和笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="159"/>
        <source>&amp;Back Up Library…</source>
        <translation>备份文库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="159"/>
        <source>Save a copy of the library</source>
        <translation>保存文库副本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="162"/>
        <source>&amp;Re-parse All Pages…</source>
        <translation>重新解析全部版面(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="164"/>
        <source>Parse every stored page again and re-anchor the highlights</source>
        <translation>重新解析已存的每个版面，并重新定位标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="166"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="167"/>
        <location filename="../../reader/ui/main_window.py" line="150"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="168"/>
        <location filename="../../reader/ui/main_window.py" line="153"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="171"/>
        <source>&amp;Highlight</source>
        <translation>标注(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="173"/>
        <source>Highlight the selected passage in the default colour (H)</source>
        <translation>用默认颜色标注选中的段落（H）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="178"/>
        <source>&amp;Delete Highlight</source>
        <translation>删除标注(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="180"/>
        <source>Delete the selected highlight</source>
        <translation>删除选中的标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="184"/>
        <source>Edit &amp;Note</source>
        <translation>编辑笔记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="184"/>
        <source>Write a note on the highlight</source>
        <translation>为标注写笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="186"/>
        <source>Add &amp;Tag</source>
        <translation>添加标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="186"/>
        <source>Tag the highlight</source>
        <translation>为标注添加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="187"/>
        <source>&amp;Find in Article…</source>
        <translation>在文中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="188"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="191"/>
        <source>&amp;Search Library</source>
        <translation>搜索文库(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="193"/>
        <source>Search notes, highlights and articles</source>
        <translation>搜索笔记、标注和文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="196"/>
        <source>Next Article</source>
        <translation>下一篇</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="197"/>
        <source>Previous Article</source>
        <translation>上一篇</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="199"/>
        <source>Next Highlight</source>
        <translation>下一处标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="202"/>
        <source>Previous Highlight</source>
        <translation>上一处标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="204"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="205"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="206"/>
        <source>&amp;Actual Size</source>
        <translation>原始大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="209"/>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="211"/>
        <source>Switch between light and dark</source>
        <translation>在浅色和深色之间切换</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="216"/>
        <source>Show &amp;Sidebar</source>
        <translation>显示侧栏(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="218"/>
        <source>Show or hide the highlights and tags beside the article</source>
        <translation>显示或隐藏文章旁的标注和标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="222"/>
        <source>Show Article &amp;List</source>
        <translation>显示文章列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="224"/>
        <source>Show or hide the list of articles</source>
        <translation>显示或隐藏文章列表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="228"/>
        <source>Close Search Results</source>
        <translation>关闭搜索结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="230"/>
        <source>Close the search results and show the article list</source>
        <translation>关闭搜索结果，显示文章列表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="232"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="233"/>
        <source>&amp;About Reader</source>
        <translation>关于 Reader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="272"/>
        <source>&amp;Split Article Here…</source>
        <translation>在此拆分文章(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="274"/>
        <source>The text from the cursor on becomes a new article</source>
        <translation>从光标处起的文字成为一篇新文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="278"/>
        <source>Merge with &amp;Previous Article</source>
        <translation>与上一篇文章合并(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="280"/>
        <source>Join this article to the one before it on the page</source>
        <translation>把本文并入版面上的前一篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="284"/>
        <source>Merge with &amp;Next Article</source>
        <translation>与下一篇文章合并(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="286"/>
        <source>Join the article after this one on the page to it</source>
        <translation>把版面上的后一篇文章并入本文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="290"/>
        <source>Use Line as &amp;Title</source>
        <translation>将此行设为标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="292"/>
        <source>The line under the cursor becomes the article&apos;s title</source>
        <translation>光标所在的行成为文章的标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="296"/>
        <source>Use Line as &amp;Kicker</source>
        <translation>将此行设为引题(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="298"/>
        <source>The line under the cursor becomes the line above the title</source>
        <translation>光标所在的行成为标题上方的引题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="302"/>
        <source>Use Line as S&amp;ubtitle</source>
        <translation>将此行设为副题(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="304"/>
        <source>The line under the cursor becomes the line below the title</source>
        <translation>光标所在的行成为标题下方的副题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="308"/>
        <source>Mark Line as &amp;Caption</source>
        <translation>将此行标为图片说明(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="310"/>
        <source>The line under the cursor is a picture&apos;s caption, not body text</source>
        <translation>光标所在的行是图片说明，不是正文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="314"/>
        <source>Mark Line as &amp;Byline</source>
        <translation>将此行标为署名(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="316"/>
        <source>The line under the cursor names the authors (they are read from it again)</source>
        <translation>光标所在的行是署名（据此重新读取作者）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="320"/>
        <source>&amp;Edit Title and Authors…</source>
        <translation>编辑标题和作者(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="322"/>
        <source>Give the article another title or other authors</source>
        <translation>修改文章的标题或作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="326"/>
        <source>Show &amp;Page…</source>
        <translation>显示版面(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="328"/>
        <source>The whole page with the articles it was cut into</source>
        <translation>整个版面及其被切分成的各篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="105"/>
        <source>Your library is empty. Import the sample newspaper pages to try Reader?</source>
        <translation>文库是空的。要导入示例报纸版面试用 Reader 吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="130"/>
        <source>The damaged library was left as it is.</source>
        <translation>损坏的资料库保持原样，未作改动。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="133"/>
        <source>No byline</source>
        <extracomment>How long typing in the filter pauses before the list is asked again: shorter than the gap between two keystrokes of a typist, so a word is one query, and short enough to leave most of the 100 ms in which the list should answer.</extracomment>
        <translation>无署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="155"/>
        <source>Filter by title or author</source>
        <translation>按标题或作者筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="159"/>
        <source>Show only articles with this tag</source>
        <translation>只显示带此标签的文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="165"/>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="166"/>
        <source>Oldest first</source>
        <translation>最早在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="167"/>
        <source>By title</source>
        <translation>按标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="168"/>
        <source>Most highlighted</source>
        <translation>标注最多</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="169"/>
        <source>By source</source>
        <translation>按来源</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="215"/>
        <location filename="../../reader/ui/tag_sidebar.py" line="258"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="274"/>
        <source>No article with the tag “%1” matches “%2”.</source>
        <translation>带标签“%1”的文章中，没有与“%2”匹配的。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="279"/>
        <source>No article or highlight carries the tag “%1”.</source>
        <translation>没有文章或标注带有标签“%1”。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="281"/>
        <source>No article’s title or author matches “%1”.</source>
        <translation>没有标题或作者与“%1”匹配的文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="80"/>
        <source>Preparing import…</source>
        <translation>正在准备导入…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="150"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="95"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="80"/>
        <source>Fetching %s…</source>
        <translation>正在下载 %s…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="88"/>
        <source>Reading the clipboard…</source>
        <translation>正在读取剪贴板…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="119"/>
        <source>Importing %1 of %2
%3</source>
        <translation>正在导入第 %1 个，共 %2 个
%3</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="134"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_worker.py" line="163"/>
        <source>%n page(s) imported</source>
        <translation>
            <numerusform>已导入 %n 个版面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_worker.py" line="164"/>
        <source>%n updated</source>
        <translation>
            <numerusform>更新 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_worker.py" line="165"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>未变 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_worker.py" line="166"/>
        <source>%n failed</source>
        <translation>
            <numerusform>失败 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_worker.py" line="169"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>跳过 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="172"/>
        <source>The import stopped: %s.</source>
        <translation>导入已停止：%s。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/import_worker.py" line="173"/>
        <source>%n file(s) were not imported.</source>
        <translation>
            <numerusform>%n 个文件未导入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="175"/>
        <source>The import was cancelled; pages already imported were kept.</source>
        <translation>导入已取消；已导入的版面已保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="187"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="187"/>
        <source>Import stopped</source>
        <translation>导入已停止</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="196"/>
        <source>Some files could not be imported; see the details.</source>
        <translation>部分文件无法导入，详见详细信息。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/instance_lock.py" line="31"/>
        <source>This library is already open in another Reader window (pid %1).</source>
        <translation>此文库已在另一个 Reader 窗口中打开（进程 %1）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="78"/>
        <source>Reader — %s</source>
        <extracomment>What an import or a re-parse may have changed: articles came, went or were rewritten.</extracomment>
        <translation>Reader — %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="150"/>
        <source>&amp;Undo %s</source>
        <translation>撤销 %s(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="153"/>
        <source>&amp;Redo %s</source>
        <translation>重做 %s(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="157"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="158"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="162"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="168"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="174"/>
        <source>Highlight &amp;Colour</source>
        <translation>标注颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="181"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="187"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="189"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="193"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="196"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/left_panel.py" line="38"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/left_panel.py" line="47"/>
        <source>Close the search results and show the article list (Esc)</source>
        <translation>关闭搜索结果，显示文章列表（Esc）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="479"/>
        <source>Text size %s pt</source>
        <translation>字号 %s 磅</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="512"/>
        <source>Not marked as read: %s</source>
        <translation>未标记为已读：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="538"/>
        <source>Nothing is selected: select a passage of the article (drag with the mouse or use Shift+arrow keys), then press H or Ctrl+1…6 to highlight it.</source>
        <translation>尚未选中文字：请先在文章中选中一段（用鼠标拖选，或按 Shift+方向键），再按 H 或 Ctrl+1…6 加标注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="570"/>
        <source>Not saved: %s</source>
        <translation>未保存：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="573"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/article_list.py" line="357"/>
        <location filename="../../reader/ui/import_worker.py" line="215"/>
        <location filename="../../reader/ui/main_window.py" line="611"/>
        <location filename="../../reader/ui/tag_sidebar.py" line="480"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="614"/>
        <source>%n highlight(s) in this article</source>
        <translation>
            <numerusform>本文 %n 个标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="616"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="641"/>
        <source>%s is this library&apos;s own database file; it cannot be imported.</source>
        <translation>%s 是本文库自己的数据库文件，不能导入。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="645"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="678"/>
        <source>Imported as %s</source>
        <translation>已导入（%s）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="783"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="784"/>
        <source>%n change(s) could not be saved yet.</source>
        <translation>
            <numerusform>%n 项更改尚未保存。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="786"/>
        <source>Retry to save them now, discard them, or cancel to keep the window open.</source>
        <translation>选择“重试”立即保存，选择“放弃”丢弃这些更改，或选择“取消”保持窗口打开。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="87"/>
        <source>Folder</source>
        <extracomment>The files SQLite keeps beside a database.</extracomment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="89"/>
        <source>%s file</source>
        <translation>%s 文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="89"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="128"/>
        <source>Import pages</source>
        <translation>导入版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="138"/>
        <source>Pages and articles (%s)</source>
        <translation>版面和文章 (%s)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="139"/>
        <source>Newspaper pages (*.txt)</source>
        <translation>报纸版面 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="140"/>
        <source>Web pages (*.html *.htm *.xhtml *.mhtml *.mht)</source>
        <translation>网页 (*.html *.htm *.xhtml *.mhtml *.mht)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="141"/>
        <source>PDF pages (*.pdf)</source>
        <translation>PDF 版面 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="142"/>
        <source>Markdown (*.md *.markdown)</source>
        <translation>Markdown (*.md *.markdown)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="143"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="128"/>
        <source>Import a folder of pages</source>
        <extracomment>What the import dialog offers first: every suffix a folder import takes.</extracomment>
        <translation>导入一个文件夹的版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="705"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="711"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="711"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="738"/>
        <source>About Reader</source>
        <translation>关于 Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="742"/>
        <source>A reader and annotator for Chinese newspaper pages.

Library: %s</source>
        <translation>中文报纸版面的阅读与标注工具。

文库：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="346"/>
        <source>Select an article on the left to start reading.</source>
        <extracomment>Marks the extra selections the pane owns; any other (the find bar&apos;s) are kept. The narrowest text column, in characters: the side panels give way before it shrinks more. Space left and right of the text: generous when there is room, less in a narrow pane. A found passage flashes this long (fading out) so the eye finds it after a jump. Body characters laid out before the pane first shows: more than a tall screen holds. Milliseconds of appending per timer slice while the rest of a long article loads. Faces for captions: a Kai (楷体) face when one is installed, as Chinese papers set them, else a sans face against the serif body. Never a slanted (synthesised) italic. The reading colours of each theme, from the one palette of the window (theme.py).</extracomment>
        <translation>在左侧选择一篇文章开始阅读。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="816"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_box.py" line="28"/>
        <source>Search notes, highlights, articles (Ctrl+K)</source>
        <translation>搜索笔记、标注和文章 (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_box.py" line="32"/>
        <source>Words must all match; &quot;a phrase&quot;, -exclude, tag:, color:, in:notes, author:, before:/after: dates</source>
        <translation>所有词都须匹配；&quot;短语&quot;、-排除、tag:、color:、in:notes、author:、before:/after: 日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="370"/>
        <source>Searching…</source>
        <extracomment>Lines of snippet under a result&apos;s title.</extracomment>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="387"/>
        <source>Search failed: %s</source>
        <translation>搜索失败：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="399"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="400"/>
        <location filename="../../reader/ui/tag_sidebar.py" line="99"/>
        <source>Highlights</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="401"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/search_panel.py" line="418"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="420"/>
        <source>No results for “%s”</source>
        <translation>没有找到“%s”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="100"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="137"/>
        <source>No highlights yet.
Select a passage and press H or Ctrl+1…6.</source>
        <translation>还没有标注。
选中一段文字，按 H 或 Ctrl+1…6。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="150"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="166"/>
        <source>Delete this highlight</source>
        <translation>删除此标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="174"/>
        <source>Write a note… (saved as you type)</source>
        <translation>写笔记…（输入时自动保存）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="176"/>
        <source>Not saved — retrying…</source>
        <translation>未保存——正在重试…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="180"/>
        <source>The library is busy or not writable. The note is kept here and saved as soon as it can be.</source>
        <translation>文库正忙或不可写。笔记保留在这里，一旦可以就会保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="188"/>
        <source>Add a tag and press Enter</source>
        <translation>输入标签后按回车</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="195"/>
        <source>Double-click or press Delete to remove a tag</source>
        <translation>双击或按 Delete 移除标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="236"/>
        <source>Tag this article…</source>
        <translation>为本文添加标签…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="249"/>
        <source>Right-click a tag to rename, merge or delete it.</source>
        <translation>右键单击标签可重命名、合并或删除。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/article_list.py" line="357"/>
        <location filename="../../reader/ui/tag_sidebar.py" line="479"/>
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n 个标注</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="82"/>
        <location filename="../../reader/ui/tag_sidebar.py" line="255"/>
        <source>This article</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="83"/>
        <source>A tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="86"/>
        <source>Everything in the library</source>
        <translation>资料库中的全部内容</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="91"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n 段</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="115"/>
        <source>Markdown (Obsidian, Logseq)</source>
        <translation>Markdown（Obsidian、Logseq）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="116"/>
        <source>JSON Web Annotation archive</source>
        <translation>JSON Web Annotation 存档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="117"/>
        <source>CSV for spreadsheets</source>
        <translation>CSV（电子表格）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="121"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="138"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="157"/>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="158"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="159"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="180"/>
        <source>The search result</source>
        <translation>搜索结果</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="181"/>
        <source>The search result (%n highlight(s))</source>
        <translation>
            <numerusform>搜索结果（%n 个标注）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="216"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="217"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="218"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="222"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="235"/>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="239"/>
        <source>%s is a folder: choose a file name.</source>
        <translation>%s 是文件夹：请选择一个文件名。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="243"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="255"/>
        <source>Exported to %s</source>
        <translation>已导出到 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="264"/>
        <source>Export failed: %s</source>
        <translation>导出失败：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="519"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="520"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="522"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="525"/>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="525"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="531"/>
        <source>Merge tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="531"/>
        <source>Merge %s into:</source>
        <translation>将 %s 合并到：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="11"/>
        <source>Add highlight</source>
        <translation>添加标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="12"/>
        <location filename="../../reader/ui/orphan_card.py" line="66"/>
        <source>Delete highlight</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="13"/>
        <source>Restore highlight</source>
        <translation>恢复标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="14"/>
        <source>Re-attach highlight</source>
        <translation>重新挂接标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="15"/>
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="16"/>
        <source>Edit note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="17"/>
        <source>Add tag %s</source>
        <translation>添加标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="18"/>
        <source>Remove tag %s</source>
        <translation>移除标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="21"/>
        <source>Unmerge tag %s from %s</source>
        <translation>将标签 %s 从 %s 中拆分出来</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="23"/>
        <source>Restore tag %s</source>
        <translation>恢复标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="24"/>
        <source>Tag article %s</source>
        <translation>为文章添加标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="25"/>
        <source>Untag article %s</source>
        <translation>移除文章标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="26"/>
        <source>Mark as read</source>
        <translation>标为已读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="27"/>
        <source>Mark as unread</source>
        <translation>标为未读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="29"/>
        <source>Correct page</source>
        <translation>更正版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="30"/>
        <location filename="../../reader/ui/page_view.py" line="85"/>
        <source>Split article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="31"/>
        <location filename="../../reader/ui/page_view.py" line="86"/>
        <source>Merge articles</source>
        <translation>合并文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="32"/>
        <location filename="../../reader/ui/page_view.py" line="87"/>
        <source>Use line as title</source>
        <translation>将行设为标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="33"/>
        <location filename="../../reader/ui/page_view.py" line="88"/>
        <source>Use line as kicker</source>
        <translation>将行设为引题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="34"/>
        <location filename="../../reader/ui/page_view.py" line="89"/>
        <source>Use line as subtitle</source>
        <translation>将行设为副题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="35"/>
        <location filename="../../reader/ui/page_view.py" line="90"/>
        <source>Mark as caption</source>
        <translation>标为图片说明</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="36"/>
        <location filename="../../reader/ui/page_view.py" line="91"/>
        <source>Mark as byline</source>
        <translation>标为署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="37"/>
        <location filename="../../reader/ui/page_view.py" line="92"/>
        <source>Retitle article</source>
        <translation>修改标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="38"/>
        <location filename="../../reader/ui/page_view.py" line="93"/>
        <source>Set authors</source>
        <translation>设置作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="19"/>
        <source>Rename tag %s → %s</source>
        <translation>重命名标签 %s → %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="20"/>
        <source>Merge tag %s into %s</source>
        <translation>将标签 %s 合并到 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/labels.py" line="22"/>
        <source>Delete tag %s</source>
        <translation>删除标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="79"/>
        <source>Preferences</source>
        <extracomment>Compressed copies take about a third of the library: 2 GB keeps five copies of a library of about 2 GB (150,000 articles).</extracomment>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="85"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="92"/>
        <source>None</source>
        <translation>不保留</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="100"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="102"/>
        <source>%s MB used now</source>
        <translation>当前已用 %s MB</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="109"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="110"/>
        <source>&amp;Automatic backups to keep:</source>
        <translation>自动备份保留份数(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="111"/>
        <source>&amp;Space for automatic backups:</source>
        <translation>自动备份可用空间(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="116"/>
        <source>A new language applies the next time Reader starts. A compressed backup of the library is taken after each start when it changed, into
%s
The oldest backups are removed to stay within the space; the newest is always kept.</source>
        <translation>新的界面语言在下次启动 Reader 时生效。资料库有改动时，每次启动后都会压缩备份一次，保存到
%s
超出可用空间时先删除最旧的备份；最新的一份总会保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="96"/>
        <source>Back up the library</source>
        <translation>备份资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="99"/>
        <source>SQLite database (*.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="108"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="108"/>
        <source>Backup complete</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="109"/>
        <source>The library was backed up to
%s</source>
        <translation>资料库已备份到
%s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs.py" line="134"/>
        <source>%n page(s) re-parsed</source>
        <translation>
            <numerusform>已重新解析 %n 个版面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs.py" line="136"/>
        <source>%n changed</source>
        <translation>
            <numerusform>其中 %n 个有变化</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs.py" line="137"/>
        <source>%n article(s) on the changed pages</source>
        <translation>
            <numerusform>有变化的版面上共 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs.py" line="138"/>
        <source>%n highlight(s) moved to follow their text</source>
        <translation>
            <numerusform>%n 个标注随文字移动了位置</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs.py" line="140"/>
        <source>%n highlight(s) could not be found again (kept as orphans with their quote)</source>
        <translation>
            <numerusform>%n 个标注未能重新找到（作为孤立标注保留其原文）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="151"/>
        <source>The re-parse was cancelled; pages already re-parsed were kept.</source>
        <translation>重新解析已取消；已解析的版面保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="170"/>
        <source>Updating pages to this version&apos;s parser…</source>
        <translation>正在用新版解析器更新版面…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="177"/>
        <source>Re-parse finished</source>
        <translation>重新解析完成</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="177"/>
        <source>Re-parse failed</source>
        <translation>重新解析失败</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="172"/>
        <source>Re-parsing every page…</source>
        <translation>正在重新解析每个版面…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="179"/>
        <source>Re-parsing</source>
        <translation>正在重新解析</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pending_bar.py" line="23"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/pending_bar.py" line="37"/>
        <source>%n change(s) not saved yet — the library is busy or not writable. Retrying…</source>
        <translation>
            <numerusform>%n 项更改尚未保存——资料库正忙或不可写。正在重试…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="24"/>
        <source>The library is busy</source>
        <translation>资料库正忙</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="26"/>
        <source>The library cannot be written</source>
        <translation>资料库无法写入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="28"/>
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="30"/>
        <location filename="../../reader/ui/recovery.py" line="32"/>
        <source>The library is damaged</source>
        <translation>资料库已损坏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="32"/>
        <source>The library could not be read or written</source>
        <translation>无法读写资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="33"/>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="40"/>
        <source>Another program is using the library. Nothing was lost; the change is kept and tried again.</source>
        <translation>另一个程序正在使用资料库。没有丢失任何内容；这项更改已保留，并会自动重试。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="44"/>
        <source>Check the permissions of the library&apos;s file and folder. Nothing was lost.</source>
        <translation>请检查资料库文件及其文件夹的权限。没有丢失任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="46"/>
        <source>Free some space on the disk. Nothing was lost.</source>
        <translation>请腾出一些磁盘空间。没有丢失任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="49"/>
        <source>Close the app and run “reader check”, then “reader recover” to restore a backup or salvage what can be read.</source>
        <translation>请关闭程序并运行“reader check”，再用“reader recover”恢复备份或抢救仍可读取的内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/error_text.py" line="59"/>
        <source>the library reported an error: %s</source>
        <translation>资料库报告了错误：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="67"/>
        <source>Find in article</source>
        <extracomment>Marks an ExtraSelection as the find bar&apos;s own.</extracomment>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="72"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配 (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="73"/>
        <source>Next match (F3)</source>
        <translation>下一个匹配 (F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="74"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="210"/>
        <source>%s of %s</source>
        <translation>第 %s 个，共 %s 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="212"/>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="33"/>
        <source>The library at %s is damaged and cannot be used as it is.</source>
        <translation>位于 %s 的资料库已损坏，无法照原样使用。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="36"/>
        <source>Reader will not write into the damaged file. You can put the newest automatic backup in its place (the damaged file is kept beside it), or copy everything that can still be read into a new library.</source>
        <translation>Reader 不会写入损坏的文件。你可以用最新的自动备份替换它（损坏的文件会保留在旁边），或把仍可读取的全部内容复制到一个新资料库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="43"/>
        <source>Restore the newest backup</source>
        <translation>恢复最新的备份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="46"/>
        <source>Salvage into a new library</source>
        <translation>抢救到新资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="48"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="78"/>
        <source>That did not work: %s</source>
        <translation>操作未成功：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="84"/>
        <source>The library was restored from the backup %s.</source>
        <translation>资料库已从备份 %s 恢复。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="86"/>
        <source>The damaged file is kept as %s.</source>
        <translation>损坏的文件保留为 %s。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="94"/>
        <source>Reader copied what could be read into a new library:
%s</source>
        <translation>Reader 已把可读取的内容复制到新资料库：
%s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/recovery.py" line="95"/>
        <source>%n row(s) copied</source>
        <translation>
            <numerusform>已复制 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/recovery.py" line="95"/>
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n 行无法读取</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="97"/>
        <source>The damaged file was not changed. Start Reader with --db and this path to keep using the new library.</source>
        <translation>损坏的文件未被改动。要继续使用新资料库，请以 --db 加上此路径启动 Reader。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recovery.py" line="107"/>
        <location filename="../../reader/ui/upkeep_progress.py" line="33"/>
        <location filename="../../reader/ui/upkeep_progress.py" line="87"/>
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list_model.py" line="52"/>
        <source>page %s</source>
        <translation>第%s版</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/article_corrections.py" line="44"/>
        <source>%n correction(s) could not be applied again: the page changed where they were made (see Article → Show Page…).</source>
        <translation>
            <numerusform>%n 处更正无法再次应用：版面在更正处已改变（见“文章 → 显示版面…”）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_corrections.py" line="73"/>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_corrections.py" line="88"/>
        <source>Use Line As</source>
        <translation>将此行设为</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_corrections.py" line="130"/>
        <source>Open an article first.</source>
        <translation>请先打开一篇文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_corrections.py" line="143"/>
        <location filename="../../reader/ui/page_view.py" line="560"/>
        <source>Put the cursor in the text where the new article starts.</source>
        <translation>请把光标放在正文中新文章开始的位置。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_corrections.py" line="173"/>
        <source>“%s” is a new article now.</source>
        <translation>“%s”现在是一篇新文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_corrections.py" line="221"/>
        <source>Put the cursor on a line of the article first.</source>
        <translation>请先把光标放在文章的某一行上。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_corrections.py" line="244"/>
        <source>A title cannot be empty.</source>
        <translation>标题不能为空。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="40"/>
        <source>Split Article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="42"/>
        <source>The text from the cursor on becomes a new article.</source>
        <translation>从光标处起的文字将成为一篇新文章。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="47"/>
        <source>Open the new article</source>
        <translation>打开新文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="53"/>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="57"/>
        <source>Title of the new article:</source>
        <translation>新文章的标题：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="83"/>
        <source>Edit Title and Authors</source>
        <translation>编辑标题和作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="90"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="90"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="97"/>
        <source>Add Author</source>
        <translation>添加作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="99"/>
        <source>Remove Author</source>
        <translation>删除作者</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="111"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/correction_dialogs.py" line="114"/>
        <source>Authors:</source>
        <translation>作者：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="73"/>
        <source>title</source>
        <extracomment>The small tags naming a line&apos;s role: white on a strong colour reads in every theme.</extracomment>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="74"/>
        <source>kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="75"/>
        <source>subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="76"/>
        <source>headline</source>
        <translation>标题行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="77"/>
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="78"/>
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="215"/>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="237"/>
        <source>&amp;Open Article</source>
        <translation>打开文章(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="238"/>
        <source>&amp;Split Here…</source>
        <translation>在此拆分(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="240"/>
        <source>Merge with &amp;Previous</source>
        <translation>与上一篇合并(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="243"/>
        <source>Merge with &amp;Next</source>
        <translation>与下一篇合并(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="308"/>
        <source>Page — %s</source>
        <translation>版面 — %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/page_view.py" line="311"/>
        <source>%s: %n article(s). Each article has its own background.</source>
        <translation>
            <numerusform>%s：%n 篇文章。每篇文章有自己的底色。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/page_view.py" line="330"/>
        <source>Not applied, the page changed where they were made — %n correction(s):</source>
        <translation>
            <numerusform>未应用：版面在更正处已改变 — %n 处更正：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="426"/>
        <source>Article %s</source>
        <translation>第 %s 篇</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="433"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="435"/>
        <source>(its first line is not verbatim in the page text)</source>
        <translation>（其第一行在版面原文中找不到原样）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_import.py" line="30"/>
        <source>Open URL</source>
        <translation>打开网址</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_import.py" line="31"/>
        <source>Web address of an article or an e-paper page (http:// or https://):</source>
        <translation>文章或电子报版面的网址（http:// 或 https://）：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_import.py" line="44"/>
        <source>text page</source>
        <translation>文本版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_import.py" line="45"/>
        <source>web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_import.py" line="46"/>
        <source>saved web page</source>
        <translation>保存的网页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_import.py" line="47"/>
        <source>PDF page</source>
        <translation>PDF 版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_import.py" line="48"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_import.py" line="49"/>
        <source>web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_import.py" line="50"/>
        <source>pasted</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../reader/ui/orphan_card.py" line="22"/>
        <source>This passage changed when the page was imported again, so the highlight lost its place.</source>
        <translation>重新导入版面时这段文字已改动，这条标注因此找不到原来的位置。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/orphan_card.py" line="28"/>
        <source>Lost its place: the passage changed</source>
        <translation>已失去位置：原文已改动</translation>
    </message>
    <message>
        <location filename="../../reader/ui/orphan_card.py" line="53"/>
        <source>Select the passage it belongs to in the article and press Re-attach, or delete the highlight.</source>
        <translation>请在文章中选中它应对应的文字，再点“挂接到选中文字”；或删除这条标注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/orphan_card.py" line="60"/>
        <source>Re-attach to selection</source>
        <translation>挂接到选中文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/orphan_card.py" line="63"/>
        <source>Place this highlight on the passage selected in the article</source>
        <translation>把这条标注放到文章中选中的文字上</translation>
    </message>
    <message>
        <location filename="../../reader/ui/orphan_card.py" line="88"/>
        <source>{why} Its old text was: “{quote}”</source>
        <translation>{why}原来的文字是：“{quote}”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/orphan_card.py" line="125"/>
        <source>%n highlight(s) no longer found after the page was imported again.</source>
        <translation>
            <numerusform>重新导入版面后有 %n 条标注找不到原位。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/orphan_card.py" line="129"/>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../reader/ui/orphan_repair.py" line="31"/>
        <source>Select the passage this highlight belongs to in the article first, then press Re-attach.</source>
        <translation>请先在文章中选中这条标注应对应的文字，再点“挂接到选中文字”。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_merge_question.py" line="27"/>
        <source>Merge tags?</source>
        <translation>合并标签？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_merge_question.py" line="29"/>
        <source>A tag named “{new}” exists already. Merge “{old}” into it?</source>
        <translation>已有名为“{new}”的标签。要把“{old}”并入它吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_merge_question.py" line="33"/>
        <source>“{old}” is on {old_uses}; “{new}” is on {new_uses}. After the merge they all carry “{new}” and “{old}” is gone. You can undo this.</source>
        <translation>“{old}”用于 {old_uses}；“{new}”用于 {new_uses}。合并后它们都带“{new}”，“{old}”不再存在。此操作可以撤销。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_merge_question.py" line="42"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_menu.py" line="19"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_menu.py" line="19"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_menu.py" line="19"/>
        <source>&amp;Sepia</source>
        <translation>米黄(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_menu.py" line="27"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/upkeep_progress.py" line="30"/>
        <source>Making the library smaller (once, after an update)…</source>
        <translation>正在压缩资料库（更新后仅此一次）…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/upkeep_progress.py" line="30"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../reader/ui/upkeep_progress.py" line="79"/>
        <source>Updating the library for this version of Reader (once). A large library takes a few minutes…</source>
        <extracomment>Below this size a migration takes a moment and needs no notice.</extracomment>
        <translation>正在为此版本的 Reader 更新资料库（仅此一次）。资料库较大时需要几分钟…</translation>
    </message>
</context>
</TS>
