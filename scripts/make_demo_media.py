#!/usr/bin/python3
"""Draws the demo site's photos and its short video (nothing downloaded).

    /usr/bin/python3 scripts/make_demo_media.py     # Debian: python3-pil, ffmpeg

Illustrations of community scenes — the 义诊 tent, the 公益集市 stalls, the
volunteers in red vests — drawn with Pillow from a fixed seed, so the same
run gives the same pictures. Written to static/images/demo/ (covers and two
gallery folders) and static/videos/ (a 3-second clip panned over a scene).
Each JPEG stays under about 150 KB, the video under 300 KB.
"""
import os
import random
import subprocess

from PIL import Image, ImageDraw, ImageFilter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "static", "images", "demo")
W, H = 1200, 900
RED, WHITE = (200, 22, 29), (248, 248, 244)


def sky(d, rnd):
    top = (110 + rnd.randint(-15, 15), 160 + rnd.randint(-15, 15), 215)
    for y in range(int(H * 0.55)):
        t = y / (H * 0.55)
        d.line([(0, y), (W, y)], fill=tuple(int(c + (235 - c) * t) for c in top))
    for _ in range(rnd.randint(2, 4)):  # clouds
        x, y = rnd.randint(0, W), rnd.randint(40, 220)
        for k in range(5):
            r = rnd.randint(30, 60)
            d.ellipse([x + k * 40 - r, y - r // 2, x + k * 40 + r, y + r // 2], fill=(250, 250, 252))


def buildings(d, rnd):
    x = -20
    while x < W:
        w, h = rnd.randint(140, 260), rnd.randint(260, 430)
        base = rnd.choice([(214, 196, 170), (200, 186, 172), (226, 214, 196), (190, 170, 150)])
        top = int(H * 0.58) - h
        d.rectangle([x, top, x + w, int(H * 0.6)], fill=base)
        d.rectangle([x, top, x + w, top + 12], fill=tuple(c - 40 for c in base))
        for wy in range(top + 30, int(H * 0.56), 42):
            for wx in range(x + 14, x + w - 24, 36):
                lit = rnd.random() < 0.15
                d.rectangle([wx, wy, wx + 20, wy + 24], fill=(250, 230, 160) if lit else (120, 150, 175))
        x += w + rnd.randint(6, 30)


def ground(d, rnd):
    d.rectangle([0, int(H * 0.6), W, H], fill=(176, 172, 164))
    for y in range(int(H * 0.6), H, 30):  # paving
        d.line([(0, y), (W, y)], fill=(160, 156, 150), width=2)
    for _ in range(3):  # trees
        x = rnd.choice([rnd.randint(0, 200), rnd.randint(W - 200, W)])
        d.rectangle([x - 8, int(H * 0.45), x + 8, int(H * 0.62)], fill=(110, 80, 50))
        d.ellipse([x - 90, int(H * 0.25), x + 90, int(H * 0.5)], fill=(60 + rnd.randint(0, 30), 130, 70))


def person(d, x, y, s, rnd, vest=False, coat=False):
    skin = rnd.choice([(236, 200, 170), (226, 185, 150), (240, 210, 180)])
    hair = rnd.choice([(30, 30, 30), (60, 50, 40), (200, 200, 200)])
    shirt = WHITE if coat else rnd.choice([(60, 90, 150), (90, 90, 90), (170, 120, 70), (60, 120, 90), (150, 60, 80)])
    d.rectangle([x - 14 * s, y, x - 3 * s, y + 70 * s], fill=(50, 50, 70))  # legs
    d.rectangle([x + 3 * s, y, x + 14 * s, y + 70 * s], fill=(50, 50, 70))
    d.rounded_rectangle([x - 22 * s, y - 80 * s, x + 22 * s, y + 6 * s], radius=10 * s, fill=shirt)
    if vest:
        d.rectangle([x - 22 * s, y - 74 * s, x + 22 * s, y - 4 * s], fill=RED)
        d.rectangle([x - 4 * s, y - 74 * s, x + 4 * s, y - 4 * s], fill=shirt)
        d.rectangle([x - 22 * s, y - 30 * s, x + 22 * s, y - 24 * s], fill=(240, 220, 120))
    d.ellipse([x - 16 * s, y - 118 * s, x + 16 * s, y - 82 * s], fill=skin)
    d.chord([x - 17 * s, y - 121 * s, x + 17 * s, y - 92 * s], 180, 360, fill=hair)


def tent(d, x, w, colour, rnd):
    top = int(H * 0.38)
    d.polygon([(x, top + 40), (x + w // 2, top), (x + w, top + 40)], fill=colour)
    d.rectangle([x, top + 40, x + w, top + 80], fill=colour)
    d.rectangle([x + 6, top + 80, x + 14, int(H * 0.72)], fill=(90, 90, 90))
    d.rectangle([x + w - 14, top + 80, x + w - 6, int(H * 0.72)], fill=(90, 90, 90))
    d.rectangle([x + 20, int(H * 0.62), x + w - 20, int(H * 0.66)], fill=(230, 230, 225))  # table cloth
    d.rectangle([x + 20, int(H * 0.66), x + w - 20, int(H * 0.72)], fill=(150, 30, 35))
    for k in range(rnd.randint(3, 6)):  # goods on the table
        gx = x + 30 + k * (w - 60) // 6
        d.rectangle([gx, int(H * 0.6), gx + 26, int(H * 0.62)], fill=rnd.choice([(240, 200, 60), (80, 160, 90), (230, 120, 60), (90, 120, 200)]))


def scene(kind, seed):
    rnd = random.Random(seed)
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    sky(d, rnd)
    buildings(d, rnd)
    ground(d, rnd)
    if kind == "yizhen":
        tent(d, 260, 680, WHITE, rnd)
        d.rectangle([300, int(H * 0.38) + 44, 900, int(H * 0.38) + 76], fill=RED)  # banner
        for k in range(3):
            person(d, 380 + k * 220, int(H * 0.6), 1.3, rnd, coat=True)
        for k in range(rnd.randint(4, 7)):
            person(d, rnd.randint(60, W - 60), rnd.randint(int(H * 0.8), int(H * 0.9)), 1.6, rnd, vest=rnd.random() < 0.3)
    elif kind == "jishi":
        colours = [(200, 40, 40), (40, 110, 190), (230, 150, 40), (60, 140, 80)]
        for k in range(3):
            tent(d, 40 + k * 390, 340, rnd.choice(colours), rnd)
        for k in range(rnd.randint(6, 10)):
            person(d, rnd.randint(40, W - 40), rnd.randint(int(H * 0.78), int(H * 0.92)), 1.5, rnd, vest=rnd.random() < 0.4)
    else:  # volunteers in red vests tidying the yard
        for k in range(rnd.randint(5, 8)):
            x, y = 120 + k * 150 + rnd.randint(-30, 30), rnd.randint(int(H * 0.75), int(H * 0.88))
            person(d, x, y, 1.6, rnd, vest=True)
            d.line([(x + 30, y - 60), (x + 60, y + 100)], fill=(120, 90, 50), width=6)  # broom
        d.rectangle([120, int(H * 0.38), 760, int(H * 0.44)], fill=RED)
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.effect_noise((W, H), 18).convert("RGB")
    return Image.blend(img, noise, 0.06)


def save(img, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    img.save(path, "JPEG", quality=72, optimize=True, progressive=True)


def main():
    save(scene("yizhen", 1), os.path.join(OUT, "义诊合影.jpg"))
    save(scene("volunteer", 2), os.path.join(OUT, "微信图片_20261201 (2).JPG"))
    for i in range(1, 7):
        save(scene("yizhen" if i % 2 else "volunteer", 10 + i), os.path.join(OUT, "yizhen", f"{i}.jpg"))
        save(scene("jishi", 20 + i), os.path.join(OUT, "jishi", f"{i}.jpg"))
    videos = os.path.join(ROOT, "static", "videos")
    os.makedirs(videos, exist_ok=True)
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-loop", "1", "-i", os.path.join(OUT, "jishi", "1.jpg"),
                    "-vf", "zoompan=z='min(zoom+0.003,1.25)':d=72:s=640x480:fps=24", "-t", "3",
                    "-c:v", "libx264", "-crf", "30", "-preset", "veryslow", "-pix_fmt", "yuv420p",
                    "-movflags", "+faststart", "-an", os.path.join(videos, "jishi.mp4")], check=True)


if __name__ == "__main__":
    main()
