<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../reader/ui/actions.py" line="31"/>
        <source>Yellow</source>
        <extracomment>Swatch colours for the highlight colours the core knows (light theme).</extracomment>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="32"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="33"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="34"/>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="35"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="36"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="116"/>
        <source>Highlight %s</source>
        <translation>%s标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="118"/>
        <source>Highlight the selected passage in %s</source>
        <translation>用%s标注选中的段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="126"/>
        <source>Import &amp;Files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="128"/>
        <source>Import newspaper pages (.txt)</source>
        <translation>导入报纸版面（.txt）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="132"/>
        <source>Import F&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="132"/>
        <source>Import every page in a folder</source>
        <translation>导入文件夹中的所有版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="135"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="135"/>
        <source>Export highlights and notes</source>
        <translation>导出标注和笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="137"/>
        <source>&amp;Back Up Library…</source>
        <translation>备份文库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="137"/>
        <source>Save a copy of the library</source>
        <translation>保存文库副本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="138"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="139"/>
        <location filename="../../reader/ui/main_window.py" line="113"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="140"/>
        <location filename="../../reader/ui/main_window.py" line="116"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="143"/>
        <source>&amp;Highlight</source>
        <translation>标注(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="145"/>
        <source>Highlight the selected passage in the default colour (H)</source>
        <translation>用默认颜色标注选中的段落（H）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="150"/>
        <source>&amp;Delete Highlight</source>
        <translation>删除标注(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="152"/>
        <source>Delete the selected highlight</source>
        <translation>删除选中的标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="156"/>
        <source>Edit &amp;Note</source>
        <translation>编辑笔记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="156"/>
        <source>Write a note on the highlight</source>
        <translation>为标注写笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="158"/>
        <source>Add &amp;Tag</source>
        <translation>添加标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="158"/>
        <source>Tag the highlight</source>
        <translation>为标注添加标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="159"/>
        <source>&amp;Find in Article…</source>
        <translation>在文中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="160"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="163"/>
        <source>&amp;Search Library</source>
        <translation>搜索文库(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="165"/>
        <source>Search notes, highlights and articles</source>
        <translation>搜索笔记、标注和文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="168"/>
        <source>Next Article</source>
        <translation>下一篇</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="169"/>
        <source>Previous Article</source>
        <translation>上一篇</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="171"/>
        <source>Next Highlight</source>
        <translation>下一处标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="174"/>
        <source>Previous Highlight</source>
        <translation>上一处标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="176"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="177"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="178"/>
        <source>&amp;Actual Size</source>
        <translation>原始大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="181"/>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="183"/>
        <source>Switch between light and dark</source>
        <translation>在浅色和深色之间切换</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="186"/>
        <source>Show &amp;Sidebar</source>
        <translation>显示侧栏(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="187"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="188"/>
        <source>&amp;About Reader</source>
        <translation>关于 Reader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="96"/>
        <source>Your library is empty. Import the sample newspaper pages to try Reader?</source>
        <translation>文库是空的。要导入示例报纸版面试用 Reader 吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="119"/>
        <source>No byline</source>
        <translation>无署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="141"/>
        <source>Filter by title or author</source>
        <translation>按标题或作者筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="145"/>
        <source>Show only articles with this tag</source>
        <translation>只显示带此标签的文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="150"/>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="150"/>
        <source>Oldest first</source>
        <translation>最早在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="150"/>
        <source>By title</source>
        <translation>按标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="150"/>
        <source>Most highlighted</source>
        <translation>标注最多</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="184"/>
        <location filename="../../reader/ui/tag_sidebar.py" line="244"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="75"/>
        <source>Preparing import…</source>
        <translation>正在准备导入…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="75"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="76"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="93"/>
        <source>Importing %1 of %2
%3</source>
        <translation>正在导入第 %1 个，共 %2 个
%3</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="107"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="122"/>
        <source>%d imported</source>
        <translation>已导入 %d 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="123"/>
        <source>%d updated</source>
        <translation>已更新 %d 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="124"/>
        <source>%d unchanged</source>
        <translation>%d 个未变</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="125"/>
        <source>%d failed</source>
        <translation>%d 个失败</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="129"/>
        <source>The import was cancelled; pages already imported were kept.</source>
        <translation>导入已取消；已导入的版面已保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="136"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_worker.py" line="140"/>
        <source>Some files could not be imported; see the details.</source>
        <translation>部分文件无法导入，详见详细信息。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/instance_lock.py" line="31"/>
        <source>This library is already open in another Reader window (pid %1).</source>
        <translation>此文库已在另一个 Reader 窗口中打开（进程 %1）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="59"/>
        <source>Reader — %s</source>
        <translation>Reader — %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="113"/>
        <source>&amp;Undo %s</source>
        <translation>撤销 %s(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="116"/>
        <source>&amp;Redo %s</source>
        <translation>重做 %s(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="125"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="131"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="135"/>
        <source>Highlight &amp;Colour</source>
        <translation>标注颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="142"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="146"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="150"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="153"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="230"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="349"/>
        <source>Text size %s pt</source>
        <translation>字号 %s 磅</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="379"/>
        <source>Not marked as read: %s</source>
        <translation>未标记为已读：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="400"/>
        <source>Select a passage in the article first.</source>
        <translation>请先在文章中选中一段文字。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="429"/>
        <source>Not saved: %s</source>
        <translation>未保存：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="432"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="480"/>
        <source>%d articles</source>
        <translation>%d 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="483"/>
        <source>%d highlights in this article</source>
        <translation>本文 %d 处标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="485"/>
        <source>%d tags</source>
        <translation>%d 个标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="506"/>
        <source>%s is this library&apos;s own database file; it cannot be imported.</source>
        <translation>%s 是本文库自己的数据库文件，不能导入。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="510"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="606"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="607"/>
        <source>%d change(s) could not be saved yet.</source>
        <translation>有 %d 处更改尚未保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="609"/>
        <source>Retry to save them now, discard them, or cancel to keep the window open.</source>
        <translation>选择“重试”立即保存，选择“放弃”丢弃这些更改，或选择“取消”保持窗口打开。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="86"/>
        <source>Folder</source>
        <extracomment>The files SQLite keeps beside a database.</extracomment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="88"/>
        <source>%s file</source>
        <translation>%s 文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="88"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="123"/>
        <source>Import pages</source>
        <translation>导入版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="131"/>
        <source>Newspaper pages (*.txt)</source>
        <translation>报纸版面 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="131"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Newspaper pages (*.txt);;All files (*)</source>
        <translation type="vanished">报纸版面 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_files.py" line="123"/>
        <source>Import a folder of pages</source>
        <translation>导入一个文件夹的版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="539"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="544"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="544"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="571"/>
        <source>About Reader</source>
        <translation>关于 Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="575"/>
        <source>A reader and annotator for Chinese newspaper pages.

Library: %s</source>
        <translation>中文报纸版面的阅读与标注工具。

文库：%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="275"/>
        <source>Select an article on the left to start reading.</source>
        <extracomment>Marks the extra selections the pane owns; any other (the find bar&apos;s) are kept. Body characters laid out before the pane first shows: more than a tall screen holds. Milliseconds of appending per timer slice while the rest of a long article loads.</extracomment>
        <translation>在左侧选择一篇文章开始阅读。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="511"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="83"/>
        <source>Highlights</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="84"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="121"/>
        <source>No highlights yet.
Select a passage and press H or Ctrl+1…6.</source>
        <translation>还没有标注。
选中一段文字，按 H 或 Ctrl+1…6。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="130"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="146"/>
        <source>Delete this highlight</source>
        <translation>删除此标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="154"/>
        <source>Write a note… (saved as you type)</source>
        <translation>写笔记…（输入时自动保存）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="156"/>
        <source>Not saved — retrying…</source>
        <translation>未保存——正在重试…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="161"/>
        <source>The library is busy or not writable. The note is kept here and saved as soon as it can be.</source>
        <translation>文库正忙或不可写。笔记保留在这里，一旦可以就会保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="169"/>
        <source>Add a tag and press Enter</source>
        <translation>输入标签后按回车</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="180"/>
        <source>Double-click or press Delete to remove a tag</source>
        <translation>双击或按 Delete 移除标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="219"/>
        <source>Tag this article…</source>
        <translation>为本文添加标签…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="235"/>
        <source>Right-click a tag to rename, merge or delete it.</source>
        <translation>右键单击标签可重命名、合并或删除。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="241"/>
        <source>This article</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="431"/>
        <source>%s   (%d highlights · %d articles)</source>
        <translation>%s   （%d 处标注 · %d 篇文章）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="463"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="464"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="466"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="469"/>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="469"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="475"/>
        <source>Merge tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_sidebar.py" line="475"/>
        <source>Merge %s into:</source>
        <translation>将 %s 合并到：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="90"/>
        <source>Add highlight</source>
        <translation>添加标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="112"/>
        <source>Delete highlight</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="132"/>
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="156"/>
        <source>Edit note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="187"/>
        <source>Add tag %s</source>
        <translation>添加标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="187"/>
        <source>Remove tag %s</source>
        <translation>移除标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="215"/>
        <source>Tag article %s</source>
        <translation>为文章添加标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="215"/>
        <source>Untag article %s</source>
        <translation>移除文章标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="245"/>
        <source>Rename tag %s → %s</source>
        <translation>重命名标签 %s → %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="261"/>
        <source>Merge tag %s into %s</source>
        <translation>将标签 %s 合并到 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/undo_commands.py" line="277"/>
        <source>Delete tag %s</source>
        <translation>删除标签 %s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="48"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="54"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="61"/>
        <source>None</source>
        <translation>不保留</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="65"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="66"/>
        <source>&amp;Automatic backups to keep:</source>
        <translation>自动备份保留份数(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences.py" line="69"/>
        <source>A new language applies the next time Reader starts. A backup of the library is taken at each start, into
%s</source>
        <translation>新的界面语言在下次启动 Reader 时生效。每次启动时都会备份资料库，保存到
%s</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="32"/>
        <source>Back up the library</source>
        <translation>备份资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="35"/>
        <source>SQLite database (*.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="44"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="49"/>
        <source>Backup complete</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="49"/>
        <source>The library was backed up to
{0}</source>
        <translation>资料库已备份到
{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pending_bar.py" line="27"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pending_bar.py" line="40"/>
        <source>%d change(s) not saved yet — the library is busy or not writable. Retrying…</source>
        <translation>有 %d 处更改尚未保存——文库正忙或不可写。正在重试…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/writes.py" line="30"/>
        <source>the library could not be changed: %s</source>
        <translation>无法修改文库：%s</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="80"/>
        <source>Export highlights and notes</source>
        <translation>导出划线和笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="91"/>
        <source>This article</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="92"/>
        <source>A tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="95"/>
        <source>Everything in the library</source>
        <translation>整个资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="100"/>
        <source>{0} ({1} passages)</source>
        <translation>{0}（{1} 段）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="123"/>
        <source>Markdown (Obsidian, Logseq)</source>
        <translation>Markdown（Obsidian、Logseq）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="124"/>
        <source>JSON Web Annotation archive</source>
        <translation>JSON 网络注释存档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="125"/>
        <source>CSV for spreadsheets</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="129"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="146"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="165"/>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="166"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="167"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="188"/>
        <source>The search result</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="190"/>
        <source>The search result (1 highlight)</source>
        <translation>搜索结果（1 条划线）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="191"/>
        <source>The search result ({0} highlights)</source>
        <translation>搜索结果（{0} 条划线）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="222"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="223"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="224"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="228"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="241"/>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="245"/>
        <source>{0} is a folder: choose a file name.</source>
        <translation>{0} 是文件夹，请输入文件名。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="249"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="258"/>
        <source>Exported to {0}</source>
        <translation>已导出到 {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="264"/>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="66"/>
        <source>Find in article</source>
        <extracomment>Marks an ExtraSelection as the find bar&apos;s own.</extracomment>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="72"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="74"/>
        <source>Next match (F3)</source>
        <translation>下一个匹配（F3）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="75"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="212"/>
        <source>{0} of {1}</source>
        <translation>第 {0} 个，共 {1} 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="215"/>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="280"/>
        <source>Search notes, highlights, articles (Ctrl+K)</source>
        <translation>搜索笔记、划线、文章（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="284"/>
        <source>Words must all match; &quot;a phrase&quot;, -exclude, tag:, color:, in:notes, author:, before:/after: dates</source>
        <translation>所有词都须匹配；&quot;短语&quot;、-排除、tag:、color:、in:notes、author:、before:/after: 日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="372"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="382"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="383"/>
        <source>Highlights</source>
        <translation>划线</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="384"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="402"/>
        <source>1 result</source>
        <translation>1 条结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="402"/>
        <source>{0} results</source>
        <translation>{0} 条结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="405"/>
        <source>No results for “{0}”</source>
        <translation>没有找到“{0}”</translation>
    </message>
</context>
</TS>
