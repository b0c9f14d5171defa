// The dashboard's charts (decision 0050), drawn with ECharts from the table of figures under each chart: the tables
// are the page's data, so a chart that cannot be drawn leaves its table open, and every bar and point leads where
// its number in the table links to.
(function () {
    'use strict';
    if (!window.echarts) {
        return;
    }

    const STATUS_COLOURS = {
        AVAILABLE: '#4dabf7', ASSIGNED: '#9775fa', ACTIVE: '#40c057', PAUSED: '#adb5bd', EXPIRED: '#fa5252'
    };
    const SERIES_COLOURS = ['#3b5bdb', '#12b886', '#fab005', '#e8590c'];

    // Figures are written in the page's language: "1,234" in English, "1 234" in French.
    const language = document.documentElement.lang || 'en';

    function formatter(currency) {
        if (!currency) {
            return value => Number(value).toLocaleString(language);
        }
        const money = new Intl.NumberFormat(language, {style: 'currency', currency: currency});
        return value => money.format(value);
    }

    // Categories are the rows (their data-label, else their heading), series the columns after the first.
    function read(table) {
        const headings = Array.from(table.tHead.rows[0].cells);
        const rows = Array.from(table.tBodies[0].rows);
        const series = [];
        headings.forEach((heading, column) => {
            if (column === 0 || heading.hasAttribute('data-series-skip')) {
                return;
            }
            const cells = rows.map(row => row.cells[column].querySelector('[data-value]'));
            series.push({
                name: heading.textContent.trim(),
                values: cells.map(cell => (cell ? Number(cell.dataset.value) : null)),
                links: cells.map(cell => (cell && cell.href ? cell.href : null))
            });
        });
        return {
            categories: rows.map(row => row.dataset.label || row.cells[0].textContent.trim()),
            colours: rows.map(row => STATUS_COLOURS[row.dataset.color]),
            series: series
        };
    }

    /**
     * A few categories (statuses, screens) each keep their name, broken onto lines to fit under its bar: ECharts
     * hid every other name when they did not fit on one line ("Registered" in French, "Assigned" and "Paused" on a
     * phone). Months, twelve of them, may still skip some. A name's lines are a line's height apart: at ECharts'
     * default they overlapped ("Vus dans les" over "dernières 24 h" on a phone). The names stand a little further
     * below the axis than ECharts' 8 px: there the first month ("Jan 2026") touched the value axis's "€0.00" beside it.
     */
    function categoryLabels(element, categories) {
        if (categories.length > 6) {
            return {margin: 12};
        }
        const narrow = element.clientWidth < 500;
        return {
            margin: 12,
            interval: 0,
            fontSize: narrow ? 10 : 12,
            lineHeight: narrow ? 13 : 16,
            width: Math.max(40, element.clientWidth / categories.length - (narrow ? 2 : 12)),
            overflow: 'break'
        };
    }

    function draw(element) {
        const table = document.getElementById(element.dataset.figures);
        const data = read(table);
        const format = formatter(table.dataset.currency);
        const several = data.series.length > 1;
        element.classList.add('is-drawn');
        const chart = echarts.init(element, null, {renderer: 'svg'});
        chart.setOption({
            animation: false,
            color: SERIES_COLOURS,
            grid: {left: 8, right: 16, top: several ? 36 : 16, bottom: 8, containLabel: true},
            legend: several ? {top: 0} : {show: false},
            tooltip: {trigger: 'axis', valueFormatter: format},
            xAxis: {type: 'category', data: data.categories, axisLabel: categoryLabels(element, data.categories)},
            yAxis: {type: 'value', minInterval: table.dataset.currency ? 0 : 1, axisLabel: {formatter: format}},
            series: data.series.map(series => ({
                name: series.name,
                type: element.dataset.chart,
                cursor: 'pointer',
                data: series.values.map((value, index) => ({
                    value: value,
                    itemStyle: !several && data.colours[index] ? {color: data.colours[index]} : undefined
                }))
            }))
        });
        chart.on('click', point => {
            const link = data.series[point.seriesIndex].links[point.dataIndex];
            if (link) {
                window.location.assign(link);
            }
        });
        window.addEventListener('resize', () => {
            chart.setOption({xAxis: {axisLabel: categoryLabels(element, data.categories)}});
            chart.resize();
        });
        const details = table.closest('details');
        if (details) {
            details.open = false;
        }
    }

    document.querySelectorAll('[data-chart]').forEach(element => {
        try {
            draw(element);
        } catch (failed) {
            element.classList.remove('is-drawn');
        }
    });
})();
