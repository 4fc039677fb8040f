"""Open a Word file in LibreOffice (headless, over UNO), optionally accept or
reject every tracked change, and store the result in other formats.

Run by the system Python, which has LibreOffice's `uno` module:
    python3 revisions.py IN.docx accept|reject|keep OUT.txt [OUT.pdf OUT.docx ...]
Prints one JSON line: the tracked changes and comments LibreOffice saw on loading.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue

FILTERS = {".txt": "Text (encoded)", ".pdf": "writer_pdf_Export", ".docx": "MS Word 2007 XML",
           ".odt": "writer8"}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(1200):  # a loaded machine may take a while to start an office
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not answer over UNO in 120 s")


def main(source, action, outputs):
    pipe = f"copydesk-{uuid.uuid4().hex}"
    profile = tempfile.mkdtemp(prefix="copydesk-lo-")
    office = subprocess.Popen(["soffice", "--headless", "--norestore",
                               f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        # A copy in the profile's folder: a lock file left by an office that was
        # killed would make the next load of the same path fail silently.
        copy = os.path.join(profile, "input" + os.path.splitext(source)[1])
        shutil.copyfile(source, copy)
        url = uno.systemPathToFileUrl(copy)
        doc = None
        for _ in range(50):  # a just-started office may refuse the first load
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            if doc is not None:
                break
            time.sleep(0.2)
        if doc is None:
            raise SystemExit(f"LibreOffice could not open {source}")
        redlines = doc.getRedlines()
        kinds = []
        enum = redlines.createEnumeration()
        while enum.hasMoreElements():
            kinds.append(enum.nextElement().getPropertyValue("RedlineType"))
        comments = []
        enum = doc.getTextFields().createEnumeration()
        while enum.hasMoreElements():
            field = enum.nextElement()
            if field.supportsService("com.sun.star.text.textfield.Annotation"):
                comments.append({"author": field.getPropertyValue("Author"),
                                 "text": field.getPropertyValue("Content"),
                                 "anchor": field.getAnchor().getString()})
        authors = sorted({redlines.getByIndex(i).getPropertyValue("RedlineAuthor")
                          for i in range(redlines.getCount())})
        if action in ("accept", "reject"):
            frame = doc.getCurrentController().getFrame()
            dispatcher = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.DispatchHelper", context)
            command = ".uno:AcceptAllTrackedChanges" if action == "accept" else ".uno:RejectAllTrackedChanges"
            dispatcher.executeDispatch(frame, command, "", 0, ())
        for output in outputs:
            filter_name = FILTERS[os.path.splitext(output)[1]]
            options = [prop("FilterName", filter_name), prop("Overwrite", True)]
            if filter_name == "Text (encoded)":
                options.append(prop("FilterOptions", "UTF8,LF"))
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(output)), tuple(options))
        doc.close(True)
        print(json.dumps({"revisions": kinds, "authors": authors, "comments": comments}))
    finally:
        office.terminate()
        try:
            office.wait(20)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
